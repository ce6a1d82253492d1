package org.lurewatch.delivery;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.lurewatch.access.WebhookEndpoint;
import org.lurewatch.ingest.DeadLetterHeaders;
import org.lurewatch.kafka.ClientProperties;

/**
 * {@code lurewatch webhooks redeliver}: sends an endpoint's dead letters again, once each, in their order, signed with
 * the endpoint's secrets of today and with their original {@code webhook-id}, so a receiver that got one after all
 * drops the copy. The dead-letter topic is left as it is (running it twice sends twice; receivers de-duplicate).
 */
public final class Redelivery {
    private final Map<String, String> kafkaOverrides;
    private final String bootstrapServers;
    private final String deadLetterTopic;
    private final Duration timeout;
    private final Clock clock;

    /** What a run did. */
    public record Result(int found, int delivered, int failed) {
    }

    public Redelivery(String bootstrapServers, Map<String, String> kafkaOverrides, String deadLetterTopic, Duration timeout,
                      Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.kafkaOverrides = kafkaOverrides;
        this.deadLetterTopic = deadLetterTopic;
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * Sends the endpoint's dead letters written at or after {@code since}, one line per message to {@code out}; with
     * {@code dryRun} only lists them.
     */
    public Result redeliver(WebhookEndpoint endpoint, Instant since, boolean dryRun, PrintWriter out) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        int found = 0;
        int delivered = 0;
        int failed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = ClientProperties.readerOfAll(bootstrapServers, kafkaOverrides,
                "lurewatch-webhook-redeliver")) {
            List<PartitionInfo> infos = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("the dead-letter topic " + deadLetterTopic + " does not exist");
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(deadLetterTopic, i.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> starts = new HashMap<>();
            partitions.forEach(p -> starts.put(p, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> from = consumer.offsetsForTimes(starts);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp at = from.get(partition);
                consumer.seek(partition, at == null ? ends.get(partition) : at.offset());
            }
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!endpoint.endpointId().equals(DeadLetterHeaders.get(record.headers(), DeliveryDeadLetters.ENDPOINT))
                            || record.value() == null) {
                        continue;
                    }
                    found++;
                    WebhookMessage message = new WebhookMessage(
                            DeadLetterHeaders.get(record.headers(), DeliveryDeadLetters.MESSAGE_ID),
                            String.valueOf(DeadLetterHeaders.get(record.headers(), DeliveryDeadLetters.TYPE)), record.value(), null);
                    String origin = DeadLetterHeaders.get(record.headers(), DeliveryDeadLetters.SOURCE_TOPIC) + "@"
                            + DeadLetterHeaders.get(record.headers(), DeliveryDeadLetters.SOURCE_OFFSET);
                    if (dryRun) {
                        out.printf(Locale.ROOT, "would send %s (%s, from %s; failed: %s)%n", message.id(), message.type(),
                                origin, DeadLetterHeaders.get(record.headers(), DeliveryDeadLetters.ERROR));
                        continue;
                    }
                    String outcome = send(http, endpoint, message);
                    boolean ok = outcome.startsWith("2");
                    delivered += ok ? 1 : 0;
                    failed += ok ? 0 : 1;
                    out.printf(Locale.ROOT, "%s %s (%s, from %s): %s%n", ok ? "delivered" : "failed   ", message.id(),
                            message.type(), origin, outcome);
                    out.flush();
                }
            }
        }
        return new Result(found, delivered, failed);
    }

    private String send(HttpClient http, WebhookEndpoint endpoint, WebhookMessage message) throws InterruptedException {
        Instant now = clock.instant();
        try {
            HttpResponse<Void> response = http.send(WebhookMessages.request(URI.create(endpoint.url()), message,
                    endpoint.signingSecrets(now), now, timeout), HttpResponse.BodyHandlers.discarding());
            return Integer.toString(response.statusCode());
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}
