package org.lurewatch.assess;

import java.util.Objects;

/**
 * A span of the original post text ({@link org.lurewatch.ingest.Post#fullText()}) that supports an indicator.
 * Offsets index the original text, not the normalised one, so a UI can highlight them.
 */
public record Evidence(int start, int end, String text) {
    public Evidence {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
        Objects.requireNonNull(text, "text");
    }
}
