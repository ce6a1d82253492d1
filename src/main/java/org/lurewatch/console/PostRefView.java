package org.lurewatch.console;

import java.time.Instant;

/** A post as a campaign alert lists it: where it is and how it scored, never its text. */
public record PostRefView(String key, String source, String url, Instant postedAt, Instant seenAt, String language,
                          double score, String band) {
    /** When it was posted, else when Lurewatch saw it. */
    public Instant when() {
        return postedAt != null ? postedAt : seenAt;
    }
}
