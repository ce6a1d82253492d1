package org.lurewatch.feedback;

import java.util.Objects;

/** What resolving a verdict emits, split before anything is written: never serialized. */
sealed interface VerdictOutput {
    /** The new watchlist entry of one contact (keyed by contact), or null to remove it ({@code expired}). */
    record Watch(WatchlistEntry entry) implements VerdictOutput {
    }

    /** The verdict as labelled data, keyed by subject. */
    record Label(LabelledVerdict verdict) implements VerdictOutput {
        public Label {
            Objects.requireNonNull(verdict, "verdict");
        }
    }
}
