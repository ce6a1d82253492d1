package org.lurewatch.ops;

/**
 * What the topologies report as records pass, in plain values so that this infrastructure package knows
 * nothing of the domain. Metrics, logs and the demo's console implement it. Called on stream threads:
 * implementations must be thread-safe and quick.
 */
public interface PipelineEvents {
    PipelineEvents NONE = new PipelineEvents() {
    };

    default void postIngested(String source, String kind) {
    }

    default void assessed(String category, String band, long scoringNanos) {
    }

    default void deadLettered(String reason, String sourceTopic, int partition, long offset) {
    }

    /** An alert left for a destination; {@code destinationKind} is {@code hotline} or {@code partner}. */
    default void alertSent(String destinationTopic, String destinationKind, String eventType, String alertJson) {
    }

    default void alertSuppressed(String destinationTopic, String reason) {
    }

    /** A lure post was added to a campaign (or to the posts waiting for one): the campaign step is done with it. */
    default void postPlaced() {
    }

    /** Time from a post's own timestamp to its alert leaving, for end-to-end latency. */
    default void postToAlertMillis(long millis) {
    }

    /** Several listeners as one. */
    static PipelineEvents all(PipelineEvents... listeners) {
        return new CompositePipelineEvents(java.util.List.of(listeners));
    }
}
