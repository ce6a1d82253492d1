package org.lurewatch.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lurewatch.access.Access;
import org.lurewatch.access.IssuedWebhookSecret;
import org.lurewatch.access.WebhookEvent;
import org.lurewatch.app.KeywordAssessor;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.app.LurewatchRuntime;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.ClientProperties;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.LurewatchMetrics;
import org.lurewatch.ops.PipelineEvents;
import org.lurewatch.signal.Signal;
import org.lurewatch.testing.KafkaBrokerExtension;
import org.lurewatch.testing.StandardWebhooksVerifier;
import org.lurewatch.testing.TestWebServer;
import org.lurewatch.testing.WebhookReceiver;
import org.lurewatch.web.WebServer;

/**
 * The partner API on a running instance, on a real broker, over real HTTP, checked against its own OpenAPI document:
 * keys, per-flag results, idempotency across retries, restarts and a second instance, one partner never acting as or
 * reading for another, problems that change nothing, rate limits, and a flag that goes all the way to a signed review
 * request and, once a hotline confirms its recruiter, to the signal feed and a signal webhook.
 */
class PartnerApiIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Topics TOPICS = Topics.defaults();
    private static final OpenApiDocument OPEN_API = OpenApiDocument.load();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path dir;
    private static LurewatchConfig config;
    private static LurewatchRuntime runtime;
    private static WebhookReceiver receiver;
    private static IssuedWebhookSecret tiktokHook;
    private static final Map<String, String> KEYS = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("partner-it");
        config = ConfigLoader.load(Optional.empty(), Map.of(), Map.ofEntries(
                Map.entry("application.id", "partner-it"), Map.entry("http.port", "0"), Map.entry("http.host", "127.0.0.1"),
                Map.entry("http.max.request.bytes", "65536"), Map.entry("access.dir", dir.resolve("access").toString()),
                Map.entry("partner.flags.max.batch", "5"), Map.entry("partner.flags.rate.per.minute", "30"),
                Map.entry("webhooks.retry.initial.ms", "50"), Map.entry("webhooks.retry.max.ms", "500")));
        runtime = start(config);
        for (String partner : List.of("tiktok", "facebook", "telegram", "line", "x")) {
            KEYS.put(partner, runtime.access().apiKeys().create(partner).secret());
        }
        receiver = new WebhookReceiver();
        tiktokHook = runtime.access().webhooks().add(runtime.access().identities().requirePartner("tiktok"),
                receiver.url("/tiktok"), List.of(WebhookEvent.ALERTS, WebhookEvent.SIGNALS), true);
        await().atMost(WAIT).until(() -> runtime.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING);
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void shouldRefuseEveryRequestWithoutAValidKey() throws Exception {
        HttpResponse<String> missing = send(runtime, "POST", "/v1/flags", null, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> wrong = send(runtime, "GET", "/v1/signals", "lwk_aaaaaaaaaa_" + "A".repeat(43), null, null);
        HttpResponse<String> malformed = send(runtime, "GET", "/v1/webhooks", "not-a-key", null, null);

        assertProblem(missing, "POST", "/v1/flags", 401, "urn:lurewatch:problem:api-key-required");
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"lurewatch\"");
        assertProblem(wrong, "GET", "/v1/signals", 401, "urn:lurewatch:problem:api-key-invalid");
        assertProblem(malformed, "GET", "/v1/webhooks", 401, "urn:lurewatch:problem:api-key-invalid");
    }

    @Test
    void shouldTakeEachPostOnceAcrossRetriesRestartsAndInstances() throws Exception {
        String batch = flag("b1", "tiktok", "first flag") + "\n" + flag("b2", "tiktok", "second flag") + "\n"
                + flag("b1", "TikTok", "the first again, in the same request") + "\n" + "{\"id\":\"b3\",\"text\":\"no source\"}\n";

        JsonNode first = flags("tiktok", batch, 200);
        assertThat(statuses(first)).containsExactly("accepted", "accepted", "duplicate", "rejected");
        assertThat(first.at("/results/3/reason").asText()).isEqualTo("schema_violation");
        assertThat(first.at("/results/0/post_key").asText()).isEqualTo("tiktok:b1");
        assertThat(first.path("accepted").asInt()).isEqualTo(2);

        assertThat(statuses(flags("tiktok", batch, 200))).as("a retry").containsExactly("duplicate", "duplicate", "duplicate", "rejected");
        // A second flag API (as a restarted or another instance runs it: its own reader, producer and HTTP server, no
        // state but the topics) knows every flag already taken, and of two that get the same new post at the same
        // moment exactly one accepts it.
        try (Access access = Access.open(config.access(), RoutesLoader.loadBundled());
             LurewatchMetrics metrics = LurewatchMetrics.create();
             PartnerApi second = PartnerApi.start(config, KAFKA.bootstrapServers(), TOPICS, RoutesLoader.loadBundled(),
                     access, metrics);
             WebServer server = TestWebServer.start(second.module())) {
            URI secondUri = server.baseUri();
            assertThat(statuses(flags(secondUri, "tiktok", batch, 200))).containsExactly("duplicate", "duplicate", "duplicate",
                    "rejected");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int i = 0; i < 5; i++) {
                    String same = flag("race-" + i, "tiktok", "sent to both instances at once");
                    Future<JsonNode> one = pool.submit(() -> flags(runtime.web().baseUri(), "tiktok", same, 200));
                    Future<JsonNode> two = pool.submit(() -> flags(secondUri, "tiktok", same, 200));
                    assertThat(List.of(statuses(one.get()).get(0), statuses(two.get()).get(0)))
                            .containsExactlyInAnyOrder("accepted", "duplicate");
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(statuses(flags(secondUri, "tiktok", flag("b4", "tiktok", "new on the second instance"), 200)))
                    .containsExactly("accepted");
        }
        assertThat(statuses(flags("tiktok", flag("b4", "tiktok", "again on the first"), 200))).containsExactly("duplicate");

        List<JsonNode> written = records(TOPICS.partnerFlags("tiktok"));
        assertThat(written).extracting(r -> r.get("id").asText()).filteredOn(id -> !id.startsWith("race-"))
                .containsExactlyInAnyOrder("b1", "b2", "b4");
        assertThat(written).allSatisfy(r -> {
            assertThat(r.get("partner_id").asText()).isEqualTo("tiktok");
            assertThat(r.get("kind").asText()).isEqualTo("partner_flag");
        });
        String audit = Files.readString(dir.resolve("access/audit.jsonl"));
        assertThat(audit.lines().filter(line -> line.contains("\"flag.submit\"") && line.contains("post:tiktok:b1"))).hasSize(1);
        assertThat(audit).contains("\"actor\":\"partner:tiktok\"");
    }

    @Test
    void shouldNeverLetAPartnerFlagAsAnother() throws Exception {
        long before = endOffsets(TOPICS.partnerFlags("tiktok"));

        JsonNode batch = flags("facebook", "{\"id\":\"fb1\",\"source\":\"facebook\",\"text\":\"x\",\"partner_id\":\"tiktok\"}\n"
                + flag("fb2", "facebook", "mine"), 200);
        HttpResponse<String> single = send(runtime, "POST", "/v1/flags", KEYS.get("facebook"), "application/json",
                "{\"id\":\"fb3\",\"source\":\"tiktok\",\"text\":\"x\",\"partner_id\":\"tiktok\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(statuses(batch)).containsExactly("rejected", "accepted");
        assertThat(batch.at("/results/0/reason").asText()).isEqualTo("partner_mismatch");
        JsonNode problem = assertProblem(single, "POST", "/v1/flags", 422, "urn:lurewatch:problem:flag-rejected");
        assertThat(problem.path("reason").asText()).isEqualTo("partner_mismatch");
        assertThat(endOffsets(TOPICS.partnerFlags("tiktok"))).isEqualTo(before);
        assertThat(records(TOPICS.partnerFlags("facebook"))).extracting(r -> r.get("id").asText() + "/" + r.get("partner_id").asText())
                .containsExactly("fb2/facebook");
    }

    @Test
    void shouldAnswerBadBodiesWithProblemsAndChangeNothing() throws Exception {
        String key = KEYS.get("telegram");
        String topic = TOPICS.partnerFlags("telegram");
        long before = endOffsets(topic);
        String six = String.join("\n", java.util.Collections.nCopies(6, flag("t1", "telegram", "x")));

        assertProblem(send(runtime, "POST", "/v1/flags", key, "application/x-ndjson", ("{\"id\":\"t\",\"source\":\"telegram\","
                + "\"text\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8)), "POST", "/v1/flags", 413,
                "urn:lurewatch:problem:body-too-large");
        assertProblem(send(runtime, "POST", "/v1/flags", key, "application/x-ndjson", six.getBytes(StandardCharsets.UTF_8)),
                "POST", "/v1/flags", 413, "urn:lurewatch:problem:batch-too-large");
        JsonNode malformed = assertProblem(send(runtime, "POST", "/v1/flags", key, "application/x-ndjson",
                (flag("t2", "telegram", "fine") + "\n{\"id\": \n").getBytes(StandardCharsets.UTF_8)), "POST", "/v1/flags", 400,
                "urn:lurewatch:problem:flags-malformed");
        assertThat(malformed.at("/errors/0/line").asInt()).isEqualTo(2);
        assertProblem(send(runtime, "POST", "/v1/flags", key, "text/plain", "hello".getBytes(StandardCharsets.UTF_8)),
                "POST", "/v1/flags", 415, "urn:lurewatch:problem:unsupported-media-type");
        assertProblem(send(runtime, "POST", "/v1/flags", key, "application/json", new byte[] {'{', (byte) 0xc3, '}'}),
                "POST", "/v1/flags", 400, "urn:lurewatch:problem:flags-malformed");
        assertProblem(send(runtime, "POST", "/v1/flags", key, "application/json", new byte[0]), "POST", "/v1/flags", 400,
                "urn:lurewatch:problem:flags-malformed");
        assertProblem(send(runtime, "GET", "/v1/signals?since=yesterday", key, null, null), "GET", "/v1/signals", 400,
                "urn:lurewatch:problem:invalid-query");
        assertProblem(send(runtime, "GET", "/v1/signals?sinse=2026-01-01T00:00:00Z", key, null, null), "GET", "/v1/signals", 400,
                "urn:lurewatch:problem:invalid-query");

        assertThat(endOffsets(topic)).isEqualTo(before);
    }

    @Test
    void shouldLimitEachPartnersFlagRate() throws Exception {
        String five = String.join("\n", List.of(flag("l1", "line", "a"), flag("l2", "line", "b"), flag("l3", "line", "c"),
                flag("l4", "line", "d"), flag("l5", "line", "e")));
        // 30 flags a minute (partner.flags.rate.per.minute) with 30 saved up: the seventh batch of five is refused, or a
        // later one if the machine is slow enough for the bucket to refill a little meanwhile.
        HttpResponse<String> limited = null;
        int taken = 0;
        while (taken < 20) {
            HttpResponse<String> response = send(runtime, "POST", "/v1/flags", KEYS.get("line"), "application/x-ndjson",
                    five.getBytes(StandardCharsets.UTF_8));
            if (response.statusCode() == 429) {
                limited = response;
                break;
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            taken++;
        }
        assertThat(taken).isBetween(6, 19);
        JsonNode problem = assertProblem(limited, "POST", "/v1/flags", 429, "urn:lurewatch:problem:rate-limited");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isPositive());
        assertThat(problem.path("retry_after_seconds").asInt()).isPositive();
        assertThat(statuses(flags("x", flag("x1", "x", "another partner is not limited"), 200))).containsExactly("accepted");
    }

    @Test
    void shouldCarryAFlagToASignedReviewRequestAndItsConfirmedRecruiterToEveryPartner() throws Exception {
        assertThat(statuses(flags("tiktok", flag("lure-1", "tiktok", "LURE customer service in Cambodia, contact @recruiter_one"),
                200))).containsExactly("accepted");

        // Ingest read it from partner-flags.tiktok; the review request reaches tiktok's webhook, signed.
        await().atMost(WAIT).until(() -> receiver.delivered("/tiktok").stream()
                .anyMatch(r -> JsonKeys.read(r.body()).at("/data/post/key").asText().equals("tiktok:lure-1")));
        StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(tiktokHook.secret().secret());
        assertThat(receiver.delivered("/tiktok")).allSatisfy(r -> assertThat(verifier.problem(r.headers(), r.body(), Instant.now())).isEmpty());

        try (KafkaProducer<byte[], byte[]> producer = ClientProperties.byteProducer(KAFKA.bootstrapServers(), Map.of(), Map.of())) {
            // As the regional hotline's analysts send it: on that hotline's own verdicts topic.
            producer.send(new ProducerRecord<>(TOPICS.hotlineFeedback("regional"),
                    "{\"post_key\":\"tiktok:lure-1\",\"verdict\":\"confirmed\"}".getBytes(StandardCharsets.UTF_8))).get();
        }
        await().atMost(WAIT).until(() -> signals("tiktok", "").path("signals").size() > 0);

        JsonNode forTiktok = signals("tiktok", "");
        JsonNode forFacebook = signals("facebook", "");
        assertThat(forFacebook.get("signals")).as("one feed for every partner").isEqualTo(forTiktok.get("signals"));
        JsonNode signal = forTiktok.at("/signals/0");
        assertThat(signal.get("signal").asText()).isEqualTo("recruiter_one");
        assertThat(signal.get("signal_type").asText()).isEqualTo("telegram");
        assertThat(signal.get("abuse_type").asText()).isEqualTo(Signal.RECRUITMENT);
        assertThat(signal.get("status").asText()).isEqualTo("active");
        assertThat(signal.toString()).doesNotContain("lure-1", "tiktok", "regional", "Cambodia");
        JsonNode next = forTiktok.get("next");
        JsonNode after = signals("facebook", "?since=" + next.get("since").asText() + "&after=" + next.get("after").asText());
        assertThat(after.get("signals")).isEmpty();
        assertThat(after.get("has_more").asBoolean()).isFalse();

        await().atMost(WAIT).until(() -> receiver.delivered("/tiktok").stream()
                .anyMatch(r -> r.id().equals(JsonKeys.signalEventId(signal))));
    }

    @Test
    void shouldShowAPartnerOnlyItsOwnWebhooks() throws Exception {
        String id = tiktokHook.endpoint().endpointId();

        HttpResponse<String> own = send(runtime, "GET", "/v1/webhooks", KEYS.get("tiktok"), null, null);
        HttpResponse<String> other = send(runtime, "GET", "/v1/webhooks", KEYS.get("facebook"), null, null);

        assertThat(OPEN_API.validateResponse("GET", "/v1/webhooks", 200, "application/json", json(own))).isEmpty();
        assertThat(json(own).at("/webhooks/0/endpoint_id").asText()).isEqualTo(id);
        assertThat(own.body()).doesNotContain(tiktokHook.secret().secret()).doesNotContain("whsec_");
        assertThat(json(other).get("webhooks")).isEmpty();
        assertProblem(send(runtime, "GET", "/v1/webhooks/" + id, KEYS.get("facebook"), null, null), "GET", "/v1/webhooks/{id}",
                404, "about:blank");
        HttpResponse<String> one = send(runtime, "GET", "/v1/webhooks/" + id, KEYS.get("tiktok"), null, null);
        assertThat(OPEN_API.validateResponse("GET", "/v1/webhooks/{id}", 200, "application/json", json(one))).isEmpty();
    }

    @Test
    void shouldServeItsOpenApiDocumentWithoutAKey() throws Exception {
        HttpResponse<String> response = send(runtime, "GET", "/openapi.json", null, null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        try (InputStream in = getClass().getResourceAsStream(PartnerApiModule.OPENAPI_RESOURCE)) {
            assertThat(Json.mapper().readTree(response.body())).isEqualTo(Json.mapper().readTree(in));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static LurewatchRuntime start(LurewatchConfig config) {
        return LurewatchRuntime.start(config, KAFKA.bootstrapServers(), KeywordAssessor.SCORER, PipelineEvents.NONE);
    }

    private static String flag(String id, String source, String text) {
        return "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"lang\":\"en\",\"text\":\"" + text + "\"}";
    }

    private static JsonNode flags(String partner, String ndjson, int status) throws Exception {
        return flags(runtime.web().baseUri(), partner, ndjson, status);
    }

    private static JsonNode flags(URI on, String partner, String ndjson, int status) throws Exception {
        HttpResponse<String> response = send(on, "POST", "/v1/flags", KEYS.get(partner), "application/x-ndjson",
                ndjson.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(OPEN_API.validateResponse("POST", "/v1/flags", status, response.headers().firstValue("Content-Type")
                .orElseThrow(), body)).isEmpty();
        return body;
    }

    private static JsonNode signals(String partner, String query) throws Exception {
        HttpResponse<String> response = send(runtime, "GET", "/v1/signals" + query, KEYS.get(partner), null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(OPEN_API.validateResponse("GET", "/v1/signals", 200, "application/json", body)).isEmpty();
        return body;
    }

    private static List<String> statuses(JsonNode response) {
        List<String> statuses = new ArrayList<>();
        response.get("results").forEach(result -> statuses.add(result.get("status").asText()));
        return statuses;
    }

    private static JsonNode assertProblem(HttpResponse<String> response, String method, String path, int status, String type)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo(type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(OPEN_API.validateResponse(method, path, status, "application/problem+json", problem)).isEmpty();
        return problem;
    }

    private static HttpResponse<String> send(LurewatchRuntime on, String method, String path, String key, String contentType,
                                             byte[] body) throws Exception {
        return send(on.web().baseUri(), method, path, key, contentType, body);
    }

    private static HttpResponse<String> send(URI on, String method, String path, String key, String contentType,
                                             byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(on.toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    private static long endOffsets(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        KAFKA.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return KAFKA.admin().listOffsets(latest).all().get().values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    private static List<JsonNode> records(String topic) throws Exception {
        long count = endOffsets(topic);
        List<JsonNode> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = ClientProperties.readerOfAll(KAFKA.bootstrapServers(), Map.of(), "it-reader")) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(WAIT).pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    values.add(Json.mapper().readTree(record.value()));
                }
                return values.size() >= count;
            });
        }
        return values;
    }

    /** The CloudEvent id a signal version is delivered under. */
    private static final class JsonKeys {
        static JsonNode read(byte[] body) {
            try {
                return Json.mapper().readTree(body);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        static String signalEventId(JsonNode signal) {
            try {
                return org.lurewatch.signal.SignalEvents.eventId(Json.mapper().treeToValue(signal, Signal.class));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
