package org.lurewatch.feedback;

import java.time.Instant;
import java.util.Objects;

/** The latest verdict on one recruiter contact: the value of the {@code watchlist} topic and store. */
public record WatchlistEntry(String contact, Verdict verdict, String hotline, Instant at) {
    public WatchlistEntry {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(verdict, "verdict");
    }
}
