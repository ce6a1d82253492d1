package org.lurewatch.app;

import java.time.Duration;
import org.lurewatch.ops.DeadLetterLog;
import org.lurewatch.ops.DestinationKind;
import org.lurewatch.ops.LurewatchMetrics;
import org.lurewatch.ops.PipelineEvents;

/** Turns pipeline events into metrics. */
final class MetricsEvents implements PipelineEvents {
    private final LurewatchMetrics metrics;
    private final DeadLetterLog deadLetterLog = DeadLetterLog.create();

    MetricsEvents(LurewatchMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void postIngested(String source, String kind) {
        metrics.postIngested(source, kind);
    }

    @Override
    public void assessed(String category, String band, long scoringNanos) {
        metrics.assessed(category, band);
        metrics.scoringTimer().record(Duration.ofNanos(scoringNanos));
    }

    @Override
    public void deadLettered(String reason, String sourceTopic, int partition, long offset) {
        metrics.deadLetter(reason);
        deadLetterLog.deadLetter(reason, sourceTopic, partition, offset);
    }

    @Override
    public void alertSent(String destinationTopic, String destinationKind, String eventType, String alertJson) {
        metrics.alertSent(DestinationKind.valueOf(destinationKind.toUpperCase(java.util.Locale.ROOT)),
                destinationTopic, eventType);
    }

    @Override
    public void alertSuppressed(String destinationTopic, String reason) {
        metrics.alertSuppressed(destinationTopic, reason);
    }

    @Override
    public void postToAlertMillis(long millis) {
        metrics.endToEndLatency(Duration.ofMillis(millis));
    }

    @Override
    public void streamThreadFailed(String action) {
        metrics.streamThreadFailed(action);
    }
}
