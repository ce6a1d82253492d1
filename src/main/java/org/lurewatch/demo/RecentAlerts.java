package org.lurewatch.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayDeque;
import java.util.Deque;
import org.lurewatch.kafka.Json;

/** The newest alerts the demo has seen, for its web page; older ones fall off. Thread-safe. */
public final class RecentAlerts {
    private final int capacity;
    private final Deque<JsonNode> alerts = new ArrayDeque<>();

    public RecentAlerts(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void add(String destination, JsonNode event) {
        var entry = Json.mapper().createObjectNode();
        entry.put("destination", destination);
        entry.set("event", event);
        alerts.addFirst(entry);
        if (alerts.size() > capacity) {
            alerts.removeLast();
        }
    }

    /** Newest first: {@code [{"destination": topic, "event": CloudEvent}, ...]}. */
    public synchronized String toJson() {
        ArrayNode array = Json.mapper().createArrayNode();
        alerts.forEach(array::add);
        return array.toString();
    }
}
