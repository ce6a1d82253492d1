package org.lurewatch.ingest;

import java.util.Objects;

/**
 * A record that could not be processed, with everything needed to find and replay it: the original bytes,
 * where it came from, and why it failed. Written to the dead-letter topic with the metadata in headers.
 */
public record DeadLetter(
        DeadLetterReason reason,
        String detail,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        byte[] originalKey,
        byte[] originalValue) {

    public DeadLetter {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(sourceTopic, "sourceTopic");
    }
}
