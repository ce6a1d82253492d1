package org.lurewatch.ops;

import java.util.List;

/** Fans each event out to several listeners, in order. */
record CompositePipelineEvents(List<PipelineEvents> listeners) implements PipelineEvents {
    CompositePipelineEvents {
        listeners = List.copyOf(listeners);
    }

    @Override
    public void postIngested(String source, String kind) {
        listeners.forEach(l -> l.postIngested(source, kind));
    }

    @Override
    public void assessed(String category, String band, long scoringNanos) {
        listeners.forEach(l -> l.assessed(category, band, scoringNanos));
    }

    @Override
    public void deadLettered(String reason, String sourceTopic, int partition, long offset) {
        listeners.forEach(l -> l.deadLettered(reason, sourceTopic, partition, offset));
    }

    @Override
    public void alertSent(String destinationTopic, String destinationKind, String eventType, String alertJson) {
        listeners.forEach(l -> l.alertSent(destinationTopic, destinationKind, eventType, alertJson));
    }

    @Override
    public void alertSuppressed(String destinationTopic, String reason) {
        listeners.forEach(l -> l.alertSuppressed(destinationTopic, reason));
    }

    @Override
    public void postPlaced() {
        listeners.forEach(PipelineEvents::postPlaced);
    }

    @Override
    public void postToAlertMillis(long millis) {
        listeners.forEach(l -> l.postToAlertMillis(millis));
    }
}
