package org.lurewatch.assess;

import org.lurewatch.ingest.Post;

/**
 * Scores one post. Knows nothing of Kafka, so {@code score}, {@code eval}, the benchmark and the
 * assess topology share it. Implementations need not be thread-safe: use one per stream thread.
 */
public interface Assessor {
    Assessment assess(Post post);

    /** The version stamped on every assessment. */
    String modelVersion();
}
