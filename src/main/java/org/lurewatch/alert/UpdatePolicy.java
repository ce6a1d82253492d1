package org.lurewatch.alert;

import java.time.Duration;
import org.lurewatch.campaign.Campaign;
import org.lurewatch.campaign.Notice;

/**
 * When a hotline hears about a campaign: once when it first reaches the hotline's band, then an update when it
 * grows, at most one update per update window (event time). Growth inside the window is held back, counted as
 * suppressed, and sent as one update when the window has passed. Pure, so the rules are tested without Kafka.
 */
final class UpdatePolicy {
    enum Decision {
        /** Nothing to say: not for this hotline yet, or nothing new. */
        NOTHING,
        /** The campaign reached this hotline for the first time. */
        ANNOUNCE,
        /** It grew, and the last alert is at least a window old. */
        UPDATE,
        /** It grew inside the window: hold it back. */
        SUPPRESS
    }

    /** The suppression reason reported to {@code PipelineEvents.alertSuppressed}. */
    static final String UPDATE_WINDOW = "update_window";

    private final long windowMillis;

    UpdatePolicy(Duration window) {
        this.windowMillis = window.toMillis();
    }

    /**
     * @param last  what the hotline was last told, or null
     * @param takes whether the hotline's route takes the campaign now (language or country, and band)
     * @param now   event time of the change
     */
    Decision decide(Notice last, Campaign campaign, boolean takes, long now) {
        if (last == null) {
            return takes ? Decision.ANNOUNCE : Decision.NOTHING;
        }
        if (!last.grewIn(campaign)) {
            return Decision.NOTHING;
        }
        return windowPassed(last, now) ? Decision.UPDATE : Decision.SUPPRESS;
    }

    /** Whether a held-back update may go out now. */
    boolean due(Notice last, long now) {
        return last.pending() && windowPassed(last, now);
    }

    /** When a held-back update may go out. */
    long dueAt(Notice last) {
        return last.at() + windowMillis;
    }

    private boolean windowPassed(Notice last, long now) {
        return now >= dueAt(last);
    }
}
