package org.lurewatch.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lurewatch.access.PrincipalKind;
import org.lurewatch.access.WebhookEndpoint;
import org.lurewatch.access.WebhookSecret;
import org.lurewatch.alert.AlertEvents;
import org.lurewatch.kafka.Json;
import org.lurewatch.signal.Signal;
import org.lurewatch.signal.SignalEvents;

/** From a record on an alert or the signals topic to the message an endpoint gets, and from a message to a request. */
final class WebhookMessages {
    /** CloudEvents' structured mode: the body is the whole event. */
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    static final String USER_AGENT = "Lurewatch-Webhooks/1";
    private static final String DISTRESS_TYPE = AlertEvents.TYPE_PREFIX + "distress.";

    private WebhookMessages() {
    }

    /**
     * The message for a record, or empty for a record with no value. Alerts are sent exactly as they are on the
     * topic (their CloudEvent); a signal is wrapped in a CloudEvent of its own.
     */
    static Optional<WebhookMessage> of(ConsumerRecord<byte[], byte[]> record, WebhookEndpoint endpoint, String signalsTopic) {
        if (record.value() == null) {
            return Optional.empty();
        }
        if (record.topic().equals(signalsTopic)) {
            try {
                Signal signal = Json.mapper().readValue(record.value(), Signal.class)
                        .withUpdatedAt(Instant.ofEpochMilli(record.timestamp()));
                return Optional.of(new WebhookMessage(SignalEvents.eventId(signal), SignalEvents.TYPE,
                        SignalEvents.cloudEvent(signal), null));
            } catch (IOException | IllegalArgumentException e) {
                return Optional.of(new WebhookMessage(fallbackId(record), "unreadable", record.value(),
                        "the signal record cannot be read: " + e.getMessage()));
            }
        }
        String id = fallbackId(record);
        String type = "unknown";
        try {
            JsonNode event = Json.mapper().readTree(record.value());
            if (event != null && event.hasNonNull("id")) {
                id = event.get("id").asText();
            }
            if (event != null && event.hasNonNull("type")) {
                type = event.get("type").asText();
            }
        } catch (IOException e) {
            // Not JSON: deliver as it is, under an id made from its position; the receiver sees what the topic holds.
        }
        // Distress goes to hotlines only. Alert routing never puts one on a partner's topic; if one ever got there,
        // it stops here and waits in the dead-letter topic for an operator.
        String refusal = endpoint.ownerKind() == PrincipalKind.PARTNER && type.startsWith(DISTRESS_TYPE)
                ? "a distress alert is never delivered to a partner" : null;
        return Optional.of(new WebhookMessage(id, type, record.value(), refusal));
    }

    /** A signed POST of the message to the endpoint, stamped {@code now}. */
    static HttpRequest request(URI url, WebhookMessage message, List<WebhookSecret> secrets, Instant now, Duration timeout) {
        long timestamp = now.getEpochSecond();
        return HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", CONTENT_TYPE)
                .header("User-Agent", USER_AGENT)
                .header(WebhookSignature.ID, message.id())
                .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE, WebhookSignature.header(secrets, message.id(), timestamp, message.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()))
                .build();
    }

    private static String fallbackId(ConsumerRecord<byte[], byte[]> record) {
        return "lw_" + AlertEvents.id(record.topic() + "/" + record.partition() + "/" + record.offset(),
                new String(record.key() == null ? new byte[0] : record.key(), StandardCharsets.UTF_8));
    }
}
