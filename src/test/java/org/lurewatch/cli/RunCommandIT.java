package org.lurewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.kafka.CommittedReader;
import org.lurewatch.kafka.Json;
import org.lurewatch.testing.KafkaBrokerExtension;

/**
 * {@code lurewatch run} as an operator starts it, in its own JVM against a broker: it creates the topics, becomes
 * ready, turns a lure into alerts with the bundled model, and stops cleanly on SIGTERM.
 */
class RunCommandIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path work;

    @Test
    void shouldRunAgainstAClusterUntilStopped() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = work.resolve("run.log");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                Lurewatch.class.getName(), "run", "--http-port", Integer.toString(port),
                "--set", "state.dir=" + work.resolve("state"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LUREWATCH_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers());
        Process run = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI ready = URI.create("http://localhost:" + port + "/readyz");
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> http.send(
                    HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);

            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>("feeds.social", ("{\"id\":\"r1\",\"source\":\"facebook\",\"kind\":\"social_post\","
                        + "\"lang\":\"id\",\"text\":\"Dibutuhkan CS di Kamboja, gaji 20 juta, tiket dan visa ditanggung, "
                        + "tanpa pengalaman, usia 18-30. Hubungi Telegram @hrd_run_it\"}").getBytes(StandardCharsets.UTF_8))).get();
            }
            List<String> alertTopics = new ArrayList<>();
            try (KafkaConsumer<byte[], byte[]> consumer = CommittedReader.subscribe(KAFKA.bootstrapServers(),
                    "run-it-reader", Pattern.compile("alerts\\..+"), Map.of())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        JsonNode event = Json.mapper().readTree(record.value());
                        if (event.at("/data/post/key").asText().equals("facebook:r1")) {
                            alertTopics.add(record.topic());
                        }
                    }
                    return alertTopics.containsAll(List.of("alerts.hotline.indonesia", "alerts.partner.facebook"));
                });
            }
            run.destroy();
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
            assertThat(Files.readString(log)).contains("event=stopped");
        } finally {
            run.destroyForcibly();
        }
    }
}
