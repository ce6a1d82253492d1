package org.lurewatch.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.lurewatch.kafka.Json;

/** An alert on its way out: where it goes, and the CloudEvent JSON that is written there. */
record RoutedAlert(Destination destination, String type, String json) {
    /** Writes only the event JSON; routed alerts are never read back. */
    static final Serde<RoutedAlert> SERDE = Serdes.serdeFrom(
            (topic, alert) -> alert == null ? null : alert.json().getBytes(StandardCharsets.UTF_8),
            (topic, bytes) -> {
                throw new UnsupportedOperationException("routed alerts are write-only");
            });

    /** The alert for a built CloudEvent: its type, and the event written as JSON. */
    static RoutedAlert of(Destination destination, ObjectNode event) {
        try {
            return new RoutedAlert(destination, event.get("type").asText(), Json.mapper().writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    RoutedAlert {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
    }
}
