package org.lurewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.kafka.CommittedReader;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;
import org.lurewatch.testing.KafkaBrokerExtension;

/**
 * Exactly-once when an instance dies: an instance is killed with {@code kill -9} in the middle of a feed, another
 * instance with the same application id takes over, and every alert arrives exactly once: none lost, none doubled.
 */
class InstanceCrashIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final int LURES = 400;
    private static final String PREFIX = "crash.";
    private static final String APPLICATION_ID = "crash-it";

    @Test
    void shouldDeliverEveryAlertExactlyOnceWhenAnInstanceIsKilledMidStream() throws Exception {
        Topics topics = Topics.defaults().withPrefix(PREFIX);
        LivePipeline.createTopics(KAFKA, topics, RoutesLoader.loadBundled(), 3);
        produceLures(topics);
        Path workDir = Files.createTempDirectory("crash-it");

        Process first = startChild(workDir.resolve("state-1"), workDir.resolve("instance-1.log"));
        Map<String, Integer> seen = new HashMap<>();
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> reader = CommittedReader.subscribe(KAFKA.bootstrapServers(), "crash-it-reader", Pattern.compile(
                Pattern.quote(topics.hotlineAlertPrefix()) + ".+|" + Pattern.quote(topics.partnerAlertPrefix()) + ".+"), Map.of())) {
            // Kill it once some, but far from all, alerts are committed.
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                read(reader, ids, seen);
                return ids.size() >= 50;
            });
            assertThat(ids.size()).as("the kill must land mid-stream").isLessThan(2 * LURES);
            first.destroyForcibly().waitFor();

            try (LurewatchApp second = CrashableInstance.start(KAFKA.bootstrapServers(), PREFIX, APPLICATION_ID,
                    workDir.resolve("state-2"))) {
                await().atMost(Duration.ofSeconds(120)).until(() -> {
                    read(reader, ids, seen);
                    return ids.size() >= 2 * LURES;
                });
                // Then quiet: a doubled alert would still arrive within a few commit intervals.
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).until(() -> {
                    int before = ids.size();
                    read(reader, ids, seen);
                    return ids.size() == before;
                });
            }
        } finally {
            first.destroyForcibly();
        }
        assertThat(seen).as("alerts per destination").containsOnly(
                Map.entry(topics.hotlineAlerts("indonesia"), LURES), Map.entry(topics.partnerAlerts("facebook"), LURES));
        assertThat(ids).as("no alert id twice").doesNotHaveDuplicates();
    }

    private static void read(KafkaConsumer<byte[], byte[]> reader, List<String> ids, Map<String, Integer> seen)
            throws Exception {
        for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
            JsonNode event = Json.mapper().readTree(record.value());
            ids.add(event.get("id").asText());
            seen.merge(record.topic(), 1, Integer::sum);
        }
    }

    private static Process startChild(Path stateDir, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CrashableInstance.class.getName(), KAFKA.bootstrapServers(), PREFIX, APPLICATION_ID, stateDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void produceLures(Topics topics) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < LURES; i++) {
                // A distinct handle each: every lure is its own campaign and its own hotline alert.
                String post = LivePipeline.post("p" + i, "facebook", "id", "LURE kerja nomor " + i + " @rekrut_" + i);
                producer.send(new ProducerRecord<>(topics.social(), post.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }
}
