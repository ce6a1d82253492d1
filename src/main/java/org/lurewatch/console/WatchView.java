package org.lurewatch.console;

import java.time.Instant;

/**
 * A change of one contact on the watchlist: its verdict, the hotline whose verdict it was, and when; {@code verdict}
 * is null when the contact was removed (an {@code expired} verdict).
 */
public record WatchView(String contact, String verdict, String hotline, Instant at) {
    /** {@code telegram:hr_job88} to {@code telegram}. */
    public String type() {
        int colon = contact.indexOf(':');
        return colon < 0 ? "contact" : contact.substring(0, colon);
    }

    /** {@code telegram:hr_job88} to {@code hr_job88}. */
    public String value() {
        int colon = contact.indexOf(':');
        return colon < 0 ? contact : contact.substring(colon + 1);
    }
}
