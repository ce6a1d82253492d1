package org.lurewatch.alert;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** An alert on its way out: where it goes, and the CloudEvent JSON that is written there. */
record RoutedAlert(Destination destination, String type, String json) {
    /** Writes only the event JSON; routed alerts are never read back. */
    static final Serde<RoutedAlert> SERDE = Serdes.serdeFrom(
            (topic, alert) -> alert == null ? null : alert.json().getBytes(StandardCharsets.UTF_8),
            (topic, bytes) -> {
                throw new UnsupportedOperationException("routed alerts are write-only");
            });

    RoutedAlert {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
    }
}
