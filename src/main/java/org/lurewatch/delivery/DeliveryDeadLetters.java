package org.lurewatch.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.lurewatch.access.WebhookEndpoint;

/**
 * Records on the delivery dead-letter topic ({@code webhooks.deadletter}): keyed by endpoint id, the value the exact
 * body that was sent (so a redelivery carries the same bytes and the same {@code webhook-id}), and why in headers.
 * Read them back with {@link org.lurewatch.ingest.DeadLetterHeaders#get}.
 */
public final class DeliveryDeadLetters {
    public static final String ENDPOINT = "lurewatch.webhook.endpoint";
    public static final String OWNER = "lurewatch.webhook.owner";
    public static final String MESSAGE_ID = "lurewatch.webhook.message_id";
    public static final String TYPE = "lurewatch.webhook.type";
    public static final String ATTEMPTS = "lurewatch.webhook.attempts";
    public static final String STATUS = "lurewatch.webhook.last_status";
    public static final String ERROR = "lurewatch.webhook.error";
    public static final String SOURCE_TOPIC = "lurewatch.webhook.source.topic";
    public static final String SOURCE_PARTITION = "lurewatch.webhook.source.partition";
    public static final String SOURCE_OFFSET = "lurewatch.webhook.source.offset";
    public static final String FAILED_AT = "lurewatch.webhook.failed_at";
    private static final int MAX_ERROR_CHARS = 500;

    private DeliveryDeadLetters() {
    }

    /** The dead letter of one message. {@code lastStatus} is the last HTTP status, or null when none came back. */
    static ProducerRecord<byte[], byte[]> record(String topic, WebhookEndpoint endpoint, WebhookMessage message,
                                                 int attempts, Integer lastStatus, String error, String sourceTopic,
                                                 int sourcePartition, long sourceOffset, Instant failedAt) {
        Headers headers = new RecordHeaders();
        put(headers, ENDPOINT, endpoint.endpointId());
        put(headers, OWNER, endpoint.owner());
        put(headers, MESSAGE_ID, message.id());
        put(headers, TYPE, message.type());
        put(headers, ATTEMPTS, Integer.toString(attempts));
        put(headers, STATUS, lastStatus == null ? "none" : lastStatus.toString());
        put(headers, ERROR, error == null ? "" : error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) : error);
        put(headers, SOURCE_TOPIC, sourceTopic);
        put(headers, SOURCE_PARTITION, Integer.toString(sourcePartition));
        put(headers, SOURCE_OFFSET, Long.toString(sourceOffset));
        put(headers, FAILED_AT, failedAt.toString());
        return new ProducerRecord<>(topic, null, endpoint.endpointId().getBytes(StandardCharsets.UTF_8), message.body(),
                headers);
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
