package org.lurewatch.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lurewatch.ops.PipelineEvents;

/** Remembers the alert events a test cares about. */
public final class RecordingEvents implements PipelineEvents {
    /** One suppressed alert: its destination topic and the reason. */
    public record Suppressed(String topic, String reason) {
    }

    private final List<Suppressed> suppressed = new CopyOnWriteArrayList<>();
    private final List<String> sentTypes = new CopyOnWriteArrayList<>();

    @Override
    public void alertSent(String destinationTopic, String destinationKind, String eventType, String alertJson) {
        sentTypes.add(eventType);
    }

    @Override
    public void alertSuppressed(String destinationTopic, String reason) {
        suppressed.add(new Suppressed(destinationTopic, reason));
    }

    public List<Suppressed> suppressed() {
        return List.copyOf(suppressed);
    }

    public List<String> sentTypes() {
        return List.copyOf(sentTypes);
    }
}
