package org.lurewatch.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lurewatch.access.Identities;
import org.lurewatch.access.IssuedWebhookSecret;
import org.lurewatch.access.WebhookEvent;
import org.lurewatch.access.WebhookStore;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.ClientProperties;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.LurewatchMetrics;
import org.lurewatch.ops.WebhookMetrics;
import org.lurewatch.testing.KafkaBrokerExtension;
import org.lurewatch.testing.WebhookReceiver;

/**
 * Webhook delivery throughput and retry behaviour, measured on demand (not in CI):
 * <pre>
 * ./mvnw -B -ntp verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=WebhookBenchIT -Dlurewatch.bench.webhooks=true
 * </pre>
 * Throughput is a ratio: messages/s delivered from a Kafka backlog to a local receiver, over signed POSTs/s that a bare
 * HTTP client gets from the same receiver with the same number in flight (the ceiling delivery could reach), in the
 * same run. Retry behaviour: attempts per message and whether any is lost when 30% of attempts fail, and how a
 * receiver that is down for a while is probed and caught up. Prints a table and writes target/webhook-bench.txt.
 */
@EnabledIfSystemProperty(named = "lurewatch.bench.webhooks", matches = "true")
class WebhookBenchIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final int MESSAGES = Integer.getInteger("lurewatch.bench.webhooks.messages", 10_000);
    private static final AtomicInteger RUN = new AtomicInteger();
    private final Identities identities = Identities.of(RoutesLoader.loadBundled());
    private final List<String> report = new ArrayList<>();

    @Test
    void shouldMeasureThroughputAndRetryBehaviour() throws Exception {
        line("webhook delivery, %d messages of ~%d bytes (a fifth with the slow receiver), embedded broker, receiver on "
                + "127.0.0.1", MESSAGES, body(0).length);
        line("%-34s %10s %10s %8s", "case", "msg/s", "ceiling/s", "ratio");
        for (Duration latency : List.of(Duration.ZERO, Duration.ofMillis(5))) {
            for (int inFlight : List.of(1, 8, 32)) {
                throughput(inFlight, latency);
            }
        }
        flaky();
        outage();
        Files.write(Path.of("target/webhook-bench.txt"), report, StandardCharsets.UTF_8);
    }

    private void throughput(int inFlight, Duration latency) throws Exception {
        // A slow receiver with one message in flight does ~100/s: a fifth of the messages measure it as well.
        int messages = latency.isZero() ? MESSAGES : MESSAGES / 5;
        try (WebhookReceiver receiver = new WebhookReceiver(); LurewatchMetrics metrics = LurewatchMetrics.create()) {
            receiver.latency(latency);
            Bench bench = new Bench(inFlight, Map.of(), receiver);
            bench.produce(messages);
            double ceiling = bareHttp(receiver, inFlight, bench.secret, messages);
            long started = System.nanoTime();
            try (WebhookDelivery delivery = bench.start(metrics)) {
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                        .until(() -> receiver.delivered("/bench").size() >= messages);
            }
            double rate = messages / seconds(started);
            line("%-34s %10.0f %10.0f %8.2f", "in flight " + inFlight + ", receiver +" + latency.toMillis() + " ms", rate, ceiling,
                    rate / ceiling);
        }
    }

    /** 30% of attempts answer 503 at random: every message still arrives, at about 1/0.7 attempts each. */
    private void flaky() throws Exception {
        int messages = Math.min(MESSAGES, 2000);
        try (WebhookReceiver receiver = new WebhookReceiver(); LurewatchMetrics metrics = LurewatchMetrics.create()) {
            receiver.answer(request -> request.path().equals("/bench") && ThreadLocalRandom.current().nextDouble() < 0.3 ? 503 : 200);
            Bench bench = new Bench(8, Map.of("webhooks.retry.initial.ms", "50", "webhooks.retry.max.ms", "1000"), receiver);
            bench.produce(messages);
            long started = System.nanoTime();
            try (WebhookDelivery delivery = bench.start(metrics)) {
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() -> distinctDelivered(receiver) >= messages);
            }
            WebhookMetrics.Endpoint meters = metrics.webhooks().endpoint(bench.endpoint, "hotline:indonesia");
            int attempts = receiver.to("/bench").size();
            line("30%% of attempts fail: %d/%d delivered, %.2f attempts per message, %d dead-lettered, %d retries, %.1f s",
                    distinctDelivered(receiver), messages, attempts / (double) messages, (long) meters.failedCount(),
                    (long) meters.retryCount(), seconds(started));
            assertThat(distinctDelivered(receiver)).isEqualTo(messages);
        }
    }

    /** The receiver is down for 10 s with a backlog waiting: how often it is probed, and how fast the backlog clears. */
    private void outage() throws Exception {
        int messages = Math.min(MESSAGES, 2000);
        try (WebhookReceiver receiver = new WebhookReceiver(); LurewatchMetrics metrics = LurewatchMetrics.create()) {
            receiver.answer(request -> 503);
            Bench bench = new Bench(8, Map.of("webhooks.retry.initial.ms", "100", "webhooks.retry.max.ms", "2000",
                    "webhooks.max.attempts", "50"), receiver);
            bench.produce(messages);
            try (WebhookDelivery delivery = bench.start(metrics)) {
                long started = System.nanoTime();
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() -> seconds(started) >= 10);
                int duringOutage = receiver.to("/bench").size();
                long recovered = System.nanoTime();
                receiver.answer(request -> 200);
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() -> distinctDelivered(receiver) >= messages);
                line("down 10 s with %d waiting: %d attempts while down (probes, backoff 100 ms doubling to 2 s); "
                        + "all delivered %.1f s after it came back", messages, duringOutage, seconds(recovered));
            }
        }
    }

    private static int distinctDelivered(WebhookReceiver receiver) {
        Set<String> ids = new HashSet<>();
        receiver.delivered("/bench").forEach(r -> ids.add(r.id()));
        return ids.size();
    }

    /** Signed POSTs/s with a bare HTTP client, {@code inFlight} at a time: the ceiling for delivery. */
    private double bareHttp(WebhookReceiver receiver, int inFlight, String secret, int messages) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Semaphore slots = new Semaphore(inFlight);
        List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
        org.lurewatch.access.WebhookSecret signing = new org.lurewatch.access.WebhookSecret("bench00000", secret, Instant.now(), null);
        long started = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            slots.acquire();
            WebhookMessage message = new WebhookMessage("raw-" + i, "bench", body(i), null);
            sent.add(http.sendAsync(WebhookMessages.request(URI.create(receiver.url("/raw")), message, List.of(signing),
                    Instant.now(), Duration.ofSeconds(10)), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> slots.release()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return messages / seconds(started);
    }

    private static byte[] body(int i) {
        return ("{\"specversion\":\"1.0\",\"id\":\"bench-" + i + "\",\"source\":\"urn:lurewatch:alert-router\",\"type\":"
                + "\"org.lurewatch.alert.lure.v1\",\"time\":\"2026-12-06T10:00:00Z\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"post\":{\"key\":\"facebook:" + i + "\"},\"category\":\"lure\",\"score\":0.93,\"band\":\"critical\","
                + "\"indicators\":[{\"code\":\"HIGH_PAY_UNSKILLED\",\"evidence\":\"gaji 20 juta\"}]}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.add(text);
        System.out.println("[webhook-bench] " + text);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** One measured case: its own topics, endpoint and consumer group. */
    private final class Bench {
        final Topics topics = Topics.defaults().withPrefix("bench" + RUN.incrementAndGet() + ".");
        final LurewatchConfig config;
        final WebhookStore store;
        final String endpoint;
        final String secret;

        Bench(int inFlight, Map<String, String> settings, WebhookReceiver receiver) throws Exception {
            KAFKA.createTopics(topics.hotlineAlerts("indonesia"), topics.signals(), topics.webhookDeadLetter());
            Map<String, String> all = new java.util.HashMap<>(Map.of("application.id", "bench-" + topics.signals(),
                    "webhooks.max.in.flight", Integer.toString(inFlight)));
            all.putAll(settings);
            config = ConfigLoader.load(Optional.empty(), Map.of(), all);
            store = new WebhookStore(Files.createTempDirectory("webhook-bench"), identities, Clock.systemUTC());
            IssuedWebhookSecret issued = store.add(identities.requireHotline("indonesia"), receiver.url("/bench"),
                    List.of(WebhookEvent.ALERTS), true);
            endpoint = issued.endpoint().endpointId();
            secret = issued.secret().secret();
        }

        void produce(int count) throws Exception {
            try (KafkaProducer<byte[], byte[]> producer = ClientProperties.byteProducer(KAFKA.bootstrapServers(), Map.of(),
                    Map.of("linger.ms", 20))) {
                for (int i = 0; i < count; i++) {
                    producer.send(new ProducerRecord<>(topics.hotlineAlerts("indonesia"), body(i)));
                }
                producer.flush();
            }
            // The backlog is all there before delivery starts: read it once, so the broker's cache is warm for both.
            try (KafkaConsumer<byte[], byte[]> reader = ClientProperties.readerOfAll(KAFKA.bootstrapServers(), Map.of(), "warm")) {
                TopicPartition partition = new TopicPartition(topics.hotlineAlerts("indonesia"), 0);
                reader.assign(List.of(partition));
                reader.seekToBeginning(List.of(partition));
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ZERO).until(() -> {
                    reader.poll(Duration.ofMillis(100));
                    return reader.position(partition) >= count;
                });
            }
        }

        WebhookDelivery start(LurewatchMetrics metrics) {
            return WebhookDelivery.start(config, KAFKA.bootstrapServers(), topics, store, metrics.webhooks());
        }
    }
}
