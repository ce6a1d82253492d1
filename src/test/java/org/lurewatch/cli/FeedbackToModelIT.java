package org.lurewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.app.LurewatchRuntime;
import org.lurewatch.app.Scorers;
import org.lurewatch.assess.Assessors;
import org.lurewatch.assess.model.Fingerprints;
import org.lurewatch.assess.model.LureModel;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.ClientProperties;
import org.lurewatch.kafka.CommittedReader;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;
import org.lurewatch.models.TinyModelsAccess;
import org.lurewatch.ops.PipelineEvents;
import org.lurewatch.testing.KafkaBrokerExtension;

/**
 * The "done when", end to end on a real broker: a running app follows a model registry; a hotline's verdict on
 * a lure post becomes a training example with the post's text ({@code feedback export}); {@code train --with-feedback}
 * builds a new versioned model from a corpus plus that example; {@code models add} and {@code models promote} make it
 * live; the running app takes it without a restart, {@code /readyz} names it, and the next alert carries its version.
 * A verdict on a distress post on the way stays a label without text.
 */
class FeedbackToModelIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final String LURE_TEXT = "Dibutuhkan CS di Kamboja, gaji 20 juta, tiket dan visa ditanggung, tanpa "
            + "pengalaman, usia 18-30. Hubungi Telegram @hrd_loop_it";
    private static final String DISTRESS_TEXT = "Tolong! Anak saya dijual ke perusahaan scam di Myawaddy, paspornya "
            + "diambil dan dia dipukuli. Hubungi saya 081234567890";
    private static final String BUNDLED = "lure-doccat-" + Assessors.DEFAULT_MODEL_VERSION;
    private static final String NEW_VERSION = "lure-doccat-2.1-feedback";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Topics topics = Topics.defaults();

    @TempDir
    Path work;

    @Test
    void shouldTurnAHotlineVerdictIntoANewModelThatTheRunningAppTakesWithoutARestart() throws Exception {
        Path registry = work.resolve("registry");
        LurewatchConfig config = ConfigLoader.load(Optional.empty(), Map.of(), Map.of("http.port", "0",
                "application.id", "feedback-loop-it", "access.dir", work.resolve("access").toString(),
                "state.dir", work.resolve("state").toString(), "model.registry.dir", registry.toString(),
                "model.registry.poll.seconds", "1"));
        try (LurewatchRuntime app = LurewatchRuntime.start(config, KAFKA.bootstrapServers(), Scorers.fromConfig(config),
                PipelineEvents.NONE);
             KafkaProducer<byte[], byte[]> producer = ClientProperties.byteProducer(KAFKA.bootstrapServers(), Map.of(), Map.of());
             KafkaConsumer<byte[], byte[]> alerts = CommittedReader.subscribe(KAFKA.bootstrapServers(), "loop-it-alerts",
                     Pattern.compile(Pattern.quote(topics.partnerAlerts("facebook"))), Map.of())) {
            URI readyz = app.web().baseUri().resolve("/readyz");
            await().atMost(Duration.ofSeconds(90)).until(() -> app.state() == KafkaStreams.State.RUNNING);
            await().atMost(Duration.ofSeconds(30)).until(() -> get(readyz).statusCode() == 200);
            assertThat(get(readyz).body()).as("the registry was seeded with the bundled model")
                    .contains("live " + BUNDLED);

            // a lure and a distress post, scored by the bundled model, and a hotline's verdict on each, as the console writes it
            send(producer, "feeds.social", post("loop1", LURE_TEXT));
            send(producer, "feeds.social", post("loop-d1", DISTRESS_TEXT));
            assertThat(nextAlertOf(alerts, "facebook:loop1").at("/data/model_version").asText())
                    .isEqualTo(BUNDLED);
            String at = Instant.now().toString();
            send(producer, topics.hotlineFeedback("indonesia"), "{\"post_key\":\"facebook:loop1\",\"verdict\":\"confirmed\","
                    + "\"analyst\":\"ana\",\"at\":\"" + at + "\"}");
            send(producer, topics.hotlineFeedback("indonesia"), "{\"post_key\":\"facebook:loop-d1\",\"verdict\":\"confirmed\","
                    + "\"analyst\":\"ana\",\"at\":\"" + at + "\"}");
            awaitLabelled(2);

            Path verdicts = work.resolve("verdicts.jsonl");
            CliRun export = cli("feedback", "export", "--bootstrap-servers", KAFKA.bootstrapServers(), "--out", verdicts.toString());
            assertThat(export.code()).as(export.err()).isZero();
            assertThat(export.out()).contains("read 2 verdicts", "wrote 1 examples", "{lure=1}", "skipped 1: no text kept");
            List<String> lines = Files.readAllLines(verdicts);
            assertThat(lines).singleElement().satisfies(line -> {
                JsonNode example = Json.mapper().readTree(line);
                assertThat(example.get("text").asText()).isEqualTo(LURE_TEXT);
                assertThat(example.get("label").asText()).isEqualTo("lure");
                assertThat(example.get("group").asText()).isEqualTo("hotline:indonesia");
            });
            assertThat(Files.readString(verdicts)).as("a distress post's words never become training data")
                    .doesNotContain("Myawaddy");

            Path models = Files.createDirectories(work.resolve("trained"));
            Path corpus = TinyModelsAccess.writeCorpus(work.resolve("corpus.jsonl"));
            assertThat(cli("train", "--corpus", corpus.toString(), "--real", work.resolve("no-real-texts").toString(),
                    "--with-feedback", verdicts.toString(), "--model-version", "2.1-feedback", "--out", models.toString(),
                    "--iterations", "30", "--cutoff", "1").code()).isZero();
            Path model = models.resolve(NEW_VERSION + ".bin");
            assertThat(LureModel.load(model).fingerprint(Fingerprints.FEEDBACK_KEY)).as("the model records its verdicts")
                    .endsWith("/1");
            assertThat(cli("models", "add", model.toString(), "--registry", registry.toString()).code()).isZero();
            assertThat(cli("models", "promote", NEW_VERSION + ".bin", "--registry", registry.toString()).code()).isZero();

            await().atMost(Duration.ofSeconds(30)).until(() -> get(readyz).body().contains("live " + NEW_VERSION));
            assertThat(app.state()).as("no restart").isEqualTo(KafkaStreams.State.RUNNING);
            send(producer, "feeds.social", post("loop2", "Urgent hiring customer service in Cambodia, salary $1500, free "
                    + "ticket and visa, no experience, telegram @hr_loop2"));
            assertThat(nextAlertOf(alerts, "facebook:loop2").at("/data/model_version").asText()).isEqualTo(NEW_VERSION);
        }
    }

    private static String post(String id, String text) {
        return Json.mapper().createObjectNode().put("id", id).put("source", "facebook").put("kind", "social_post")
                .put("lang", "id").put("text", text).toString();
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, value.getBytes(StandardCharsets.UTF_8))).get();
    }

    private static JsonNode nextAlertOf(KafkaConsumer<byte[], byte[]> alerts, String postKey) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (ConsumerRecord<byte[], byte[]> record : alerts.poll(Duration.ofMillis(200))) {
                JsonNode event = Json.mapper().readTree(record.value());
                if (event.at("/data/post/key").asText().equals(postKey)) {
                    found.add(event);
                }
            }
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private void awaitLabelled(int count) {
        try (KafkaConsumer<byte[], byte[]> labelled = CommittedReader.subscribe(KAFKA.bootstrapServers(), "loop-it-labelled",
                Pattern.compile(Pattern.quote(topics.labelled())), Map.of())) {
            List<String> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                labelled.poll(Duration.ofMillis(200)).forEach(r -> seen.add(new String(r.value(), StandardCharsets.UTF_8)));
                return seen.size() >= count;
            });
        }
    }

    private static CliRun cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine commandLine = Lurewatch.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
