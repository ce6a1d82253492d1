package org.lurewatch.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.access.Identities;
import org.lurewatch.access.IssuedWebhookSecret;
import org.lurewatch.access.WebhookEvent;
import org.lurewatch.access.WebhookStore;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.ingest.DeadLetterHeaders;
import org.lurewatch.kafka.ClientProperties;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.LurewatchMetrics;
import org.lurewatch.ops.WebhookMetrics;
import org.lurewatch.signal.Signal;
import org.lurewatch.testing.KafkaBrokerExtension;
import org.lurewatch.testing.StandardWebhooksVerifier;
import org.lurewatch.testing.WebhookReceiver;

/**
 * Webhook delivery on a real broker to a real HTTP receiver: signatures a spec-following verifier accepts, retries then
 * the dead-letter topic, a restart in the middle of a retry that loses nothing, owners that only ever get their own.
 */
class WebhookDeliveryIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path accessDir;

    private final Identities identities = Identities.of(RoutesLoader.loadBundled());
    private Topics topics;
    private LurewatchConfig config;
    private WebhookStore store;
    private WebhookReceiver receiver;
    private LurewatchMetrics metrics;
    private KafkaProducer<byte[], byte[]> producer;
    private final List<WebhookDelivery> deliveries = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        int run = RUN.incrementAndGet();
        topics = Topics.defaults().withPrefix("wh" + run + ".");
        KAFKA.createTopics(topics.hotlineAlerts("indonesia"), topics.partnerAlerts("tiktok"), topics.partnerAlerts("facebook"),
                topics.signals(), topics.webhookDeadLetter());
        config = ConfigLoader.load(Optional.empty(), Map.of(), Map.of("application.id", "webhooks-it-" + run,
                "webhooks.retry.initial.ms", "20", "webhooks.retry.max.ms", "100", "webhooks.max.attempts", "4",
                "webhooks.timeout.ms", "2000"));
        store = new WebhookStore(accessDir, identities, Clock.systemUTC());
        receiver = new WebhookReceiver();
        metrics = LurewatchMetrics.create();
        producer = ClientProperties.byteProducer(KAFKA.bootstrapServers(), Map.of(), Map.of());
    }

    @AfterEach
    void tearDown() {
        deliveries.forEach(WebhookDelivery::close);
        producer.close();
        receiver.close();
        metrics.close();
    }

    @Test
    void shouldDeliverSignedEventsThatASpecFollowingReceiverAccepts() {
        IssuedWebhookSecret hotline = add("hotline:indonesia", "/indonesia", WebhookEvent.ALERTS);
        start();
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(alert(topics.hotlineAlerts("indonesia"), "ev-" + i, "org.lurewatch.alert.distress.v1"));
        }

        await().atMost(WAIT).until(() -> receiver.delivered("/indonesia").size() >= 3);
        // Up to webhooks.max.in.flight attempts run at once, so arrival order is not guaranteed: match by id.
        Map<String, WebhookReceiver.Request> delivered = receiver.delivered("/indonesia").stream()
                .collect(Collectors.toMap(WebhookReceiver.Request::id, r -> r, (a, b) -> a));
        assertThat(delivered).containsOnlyKeys("ev-0", "ev-1", "ev-2");
        StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(hotline.secret().secret());
        for (int i = 0; i < 3; i++) {
            WebhookReceiver.Request request = delivered.get("ev-" + i);
            assertThat(verifier.problem(request.headers(), request.body(), Instant.now())).isEmpty();
            assertThat(request.body()).isEqualTo(sent.get(i));
            assertThat(request.headers().get("content-type")).isEqualTo("application/cloudevents+json; charset=utf-8");
        }
        WebhookMetrics.Endpoint meters = metrics.webhooks().endpoint(hotline.endpoint().endpointId(), "hotline:indonesia");
        await().atMost(WAIT).until(() -> meters.sentCount() == 3);
        assertThat(metrics.scrape()).contains("lurewatch_webhook_deliveries_total{endpoint=\"" + hotline.endpoint().endpointId()
                + "\",outcome=\"sent\",owner=\"hotline:indonesia\"} 3.0");
    }

    @Test
    void shouldRetryAFailingReceiverThenDeadLetterAndGoOn() throws Exception {
        IssuedWebhookSecret partner = add("partner:tiktok", "/tiktok", WebhookEvent.ALERTS);
        receiver.answer(request -> request.id().equals("doomed") ? 500 : request.id().equals("refused") ? 400 : 200);
        start();

        alert(topics.partnerAlerts("tiktok"), "doomed", "org.lurewatch.alert.lure.v1");
        alert(topics.partnerAlerts("tiktok"), "refused", "org.lurewatch.alert.lure.v1");
        alert(topics.partnerAlerts("tiktok"), "fine", "org.lurewatch.alert.lure.v1");

        List<ConsumerRecord<byte[], byte[]>> letters = readDeadLetters(2);
        Map<String, ConsumerRecord<byte[], byte[]>> byId = letters.stream().collect(Collectors.toMap(
                r -> DeadLetterHeaders.get(r.headers(), DeliveryDeadLetters.MESSAGE_ID), r -> r));
        ConsumerRecord<byte[], byte[]> doomed = byId.get("doomed");
        assertThat(header(doomed, DeliveryDeadLetters.ENDPOINT)).isEqualTo(partner.endpoint().endpointId());
        assertThat(header(doomed, DeliveryDeadLetters.ATTEMPTS)).isEqualTo("4");
        assertThat(header(doomed, DeliveryDeadLetters.STATUS)).isEqualTo("500");
        assertThat(header(doomed, DeliveryDeadLetters.ERROR)).startsWith("gave up after 4 attempts");
        assertThat(header(doomed, DeliveryDeadLetters.SOURCE_TOPIC)).isEqualTo(topics.partnerAlerts("tiktok"));
        assertThat(Json.mapper().readTree(doomed.value()).get("id").asText()).isEqualTo("doomed");
        assertThat(header(byId.get("refused"), DeliveryDeadLetters.ATTEMPTS)).as("a 400 is final").isEqualTo("1");
        assertThat(receiver.to("/tiktok").stream().filter(r -> r.id().equals("doomed")).count()).isEqualTo(4);
        await().atMost(WAIT).until(() -> receiver.delivered("/tiktok").stream().anyMatch(r -> r.id().equals("fine")));
        WebhookMetrics.Endpoint meters = metrics.webhooks().endpoint(partner.endpoint().endpointId(), "partner:tiktok");
        await().atMost(WAIT).until(() -> meters.failedCount() == 2 && meters.retryCount() == 3 && meters.sentCount() == 1);

        // The receiver is fixed: `webhooks redeliver` sends both dead letters again, with their original ids, signed.
        receiver.answer(request -> 200);
        Redelivery redelivery = new Redelivery(KAFKA.bootstrapServers(), Map.of(), topics.webhookDeadLetter(),
                Duration.ofSeconds(5), Clock.systemUTC());
        java.io.StringWriter listing = new java.io.StringWriter();
        assertThat(redelivery.redeliver(partner.endpoint(), Instant.EPOCH, true, new java.io.PrintWriter(listing, true)))
                .isEqualTo(new Redelivery.Result(2, 0, 0));
        assertThat(listing.toString()).contains("would send doomed", "would send refused");
        Redelivery.Result result = redelivery.redeliver(partner.endpoint(), Instant.EPOCH, false,
                new java.io.PrintWriter(new java.io.StringWriter(), true));
        assertThat(result).isEqualTo(new Redelivery.Result(2, 2, 0));
        StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(partner.secret().secret());
        assertThat(receiver.delivered("/tiktok")).extracting(WebhookReceiver.Request::id).contains("doomed", "refused");
        assertThat(receiver.delivered("/tiktok")).allSatisfy(r -> assertThat(verifier.problem(r.headers(), r.body(), Instant.now()))
                .isEmpty());
    }

    @Test
    void shouldLoseNoDeliveryWhenTheAppRestartsInTheMiddleOfARetry() {
        add("hotline:indonesia", "/restart", WebhookEvent.ALERTS);
        receiver.answer(request -> 503);
        WebhookDelivery first = start();
        alert(topics.hotlineAlerts("indonesia"), "r-1", "org.lurewatch.alert.lure.v1");
        alert(topics.hotlineAlerts("indonesia"), "r-2", "org.lurewatch.alert.lure.v1");
        await().atMost(WAIT).until(() -> receiver.to("/restart").size() >= 2);

        first.close();
        deliveries.remove(first);
        alert(topics.hotlineAlerts("indonesia"), "r-3", "org.lurewatch.alert.lure.v1");
        receiver.answer(request -> 200);
        start();

        await().atMost(WAIT).until(() -> receiver.delivered("/restart").stream().map(WebhookReceiver.Request::id)
                .collect(Collectors.toSet()).containsAll(Set.of("r-1", "r-2", "r-3")));
        assertThat(readDeadLetters(0)).isEmpty();
    }

    @Test
    void shouldGiveEachOwnerOnlyItsOwnAlertsAndNeverDistressToAPartner() {
        add("partner:tiktok", "/tiktok", WebhookEvent.ALERTS);
        add("partner:facebook", "/facebook", WebhookEvent.ALERTS);
        start();

        alert(topics.partnerAlerts("facebook"), "fb-1", "org.lurewatch.alert.lure.v1");
        alert(topics.hotlineAlerts("indonesia"), "hotline-only", "org.lurewatch.alert.distress.v1");
        alert(topics.partnerAlerts("tiktok"), "misrouted", "org.lurewatch.alert.distress.v1");
        alert(topics.partnerAlerts("tiktok"), "tt-1", "org.lurewatch.alert.lure.v1");

        await().atMost(WAIT).until(() -> receiver.delivered("/tiktok").size() == 1 && receiver.delivered("/facebook").size() == 1);
        assertThat(receiver.to("/tiktok")).extracting(WebhookReceiver.Request::id).containsExactly("tt-1");
        assertThat(receiver.to("/facebook")).extracting(WebhookReceiver.Request::id).containsExactly("fb-1");
        ConsumerRecord<byte[], byte[]> refused = readDeadLetters(1).get(0);
        assertThat(header(refused, DeliveryDeadLetters.MESSAGE_ID)).isEqualTo("misrouted");
        assertThat(header(refused, DeliveryDeadLetters.ERROR)).isEqualTo("a distress alert is never delivered to a partner");
        assertThat(header(refused, DeliveryDeadLetters.ATTEMPTS)).isEqualTo("0");
    }

    @Test
    void shouldDeliverSignalsAndFollowRotationAndRemoval() throws Exception {
        IssuedWebhookSecret partner = add("partner:tiktok", "/signals", WebhookEvent.SIGNALS);
        start();
        Signal signal = new Signal(Signal.idOf("telegram:hr_job88"), "hr_job88", "telegram", Signal.RECRUITMENT,
                Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-24T10:00:00Z"), 75, Signal.ACTIVE, 1, null);
        producer.send(new ProducerRecord<>(topics.signals(), signal.id().getBytes(StandardCharsets.UTF_8),
                Json.mapper().writeValueAsBytes(signal)));
        producer.flush();

        await().atMost(WAIT).until(() -> receiver.delivered("/signals").size() == 1);
        WebhookReceiver.Request request = receiver.delivered("/signals").get(0);
        assertThat(new StandardWebhooksVerifier(partner.secret().secret()).problem(request.headers(), request.body(), Instant.now()))
                .isEmpty();
        JsonNode event = Json.mapper().readTree(request.body());
        assertThat(event.get("type").asText()).isEqualTo("org.lurewatch.signal.v1");
        assertThat(event.at("/data/signal").asText()).isEqualTo("hr_job88");
        assertThat(event.at("/data/updated_at").isTextual()).isTrue();

        IssuedWebhookSecret rotated = store.rotate(partner.endpoint().endpointId(), Duration.ofHours(1));
        await().atMost(WAIT).until(() -> deliveries.get(0).endpoint(partner.endpoint().endpointId())
                .map(e -> e.signingSecrets(Instant.now()).size() == 2).orElse(false));
        Signal changed = new Signal(signal.id(), "hr_job88", "telegram", Signal.RECRUITMENT, signal.firstSeen(),
                signal.lastSeen(), 90, Signal.ACTIVE, 2, null);
        producer.send(new ProducerRecord<>(topics.signals(), signal.id().getBytes(StandardCharsets.UTF_8),
                Json.mapper().writeValueAsBytes(changed)));
        producer.flush();
        await().atMost(WAIT).until(() -> receiver.delivered("/signals").size() == 2);
        WebhookReceiver.Request second = receiver.delivered("/signals").get(1);
        assertThat(second.headers().get("webhook-signature").split(" ")).hasSize(2);
        assertThat(new StandardWebhooksVerifier(rotated.secret().secret()).problem(second.headers(), second.body(), Instant.now()))
                .isEmpty();
        assertThat(new StandardWebhooksVerifier(partner.secret().secret()).problem(second.headers(), second.body(), Instant.now()))
                .as("the old secret still verifies during the overlap").isEmpty();

        store.remove(partner.endpoint().endpointId());
        await().atMost(WAIT).until(() -> deliveries.get(0).endpoints().isEmpty());
    }

    private IssuedWebhookSecret add(String owner, String path, WebhookEvent... events) {
        String[] parts = owner.split(":");
        return store.add(parts[0].equals("hotline") ? identities.requireHotline(parts[1]) : identities.requirePartner(parts[1]),
                receiver.url(path), List.of(events), true);
    }

    private WebhookDelivery start() {
        WebhookDelivery delivery = WebhookDelivery.start(config, KAFKA.bootstrapServers(), topics, store, metrics.webhooks());
        deliveries.add(delivery);
        return delivery;
    }

    private byte[] alert(String topic, String id, String type) {
        byte[] event = ("{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"urn:lurewatch:alert-router\",\"type\":\""
                + type + "\",\"data\":{\"category\":\"lure\"}}").getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, event));
        producer.flush();
        return event;
    }

    /** Exactly {@code count} dead letters (checked a moment after they arrived, so a surplus shows). */
    private List<ConsumerRecord<byte[], byte[]>> readDeadLetters(int count) {
        List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = ClientProperties.readerOfAll(KAFKA.bootstrapServers(), Map.of(), "dlq-reader")) {
            var partition = new org.apache.kafka.common.TopicPartition(topics.webhookDeadLetter(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(WAIT).pollInterval(Duration.ZERO).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(letters::add);
                return letters.size() >= count;
            });
            consumer.poll(Duration.ofMillis(300)).forEach(letters::add);
        }
        assertThat(letters).hasSize(count);
        return letters;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return DeadLetterHeaders.get(record.headers(), name);
    }
}
