package org.lurewatch.ingest;

import java.util.Objects;

/**
 * A post as ingest produced it, still carrying the raw record, so that a later step that fails on it can
 * dead-letter the original bytes rather than a re-encoding.
 */
public record Ingested(Post post, String sourceTopic, int sourcePartition, long sourceOffset, byte[] rawValue) {
    public Ingested {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(sourceTopic, "sourceTopic");
    }

    /** The key posts are stored and partitioned by: {@code source:id}, unique across platforms. */
    public String key() {
        return post.source() + ":" + post.id();
    }

    public DeadLetter deadLetter(DeadLetterReason reason, String detail) {
        return new DeadLetter(reason, detail, sourceTopic, sourcePartition, sourceOffset, null, rawValue);
    }
}
