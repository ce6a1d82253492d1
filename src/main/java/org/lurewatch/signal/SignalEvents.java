package org.lurewatch.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.lurewatch.alert.AlertEvents;
import org.lurewatch.kafka.Json;

/**
 * A signal as a CloudEvent 1.0 (structured JSON), the form webhooks deliver it in, next to the alerts:
 * {@code type} {@value #TYPE}, {@code subject} the signal id, {@code data} the signal. The id is the same for the
 * same version of a signal, so a receiver de-duplicates redeliveries by it.
 */
public final class SignalEvents {
    public static final String TYPE = "org.lurewatch.signal.v1";
    public static final String SOURCE = "urn:lurewatch:signals";

    private SignalEvents() {
    }

    /** The CloudEvent id of one version of a signal. */
    public static String eventId(Signal signal) {
        return AlertEvents.id(signal.id() + "#" + signal.revision(), "signals");
    }

    /** The event as JSON bytes; {@code signal} must carry its {@code updated_at}. */
    public static byte[] cloudEvent(Signal signal) {
        Objects.requireNonNull(signal.updatedAt(), "updated_at");
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("specversion", AlertEvents.SPEC_VERSION);
        event.put("id", eventId(signal));
        event.put("source", SOURCE);
        event.put("type", TYPE);
        event.put("subject", signal.id());
        event.put("time", signal.updatedAt().toString());
        event.put("datacontenttype", "application/json");
        event.set("data", Json.mapper().valueToTree(signal));
        try {
            return Json.mapper().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
