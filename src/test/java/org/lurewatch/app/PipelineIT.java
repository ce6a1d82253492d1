package org.lurewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lurewatch.alert.Routes;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.ingest.DeadLetterHeaders;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.PipelineEvents;
import org.lurewatch.testing.KafkaBrokerExtension;

/**
 * The whole topology on a real broker with exactly-once: a feed in, exactly the expected alerts and dead letters
 * out, nothing more. Scoring uses the predictable {@link KeywordAssessor}; detection quality is tested elsewhere.
 */
class PipelineIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final AtomicInteger RUN = new AtomicInteger();

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void shouldTurnAFeedIntoExactlyTheExpectedAlertsAndDeadLetters() throws Exception {
        Topics topics = Topics.defaults().withPrefix("run" + RUN.incrementAndGet() + ".");
        Routes routes = RoutesLoader.loadBundled();
        createTopics(topics, routes);
        LurewatchConfig config = ConfigLoader.load(java.util.Optional.empty(), Map.of(), Map.of(
                "application.id", "pipeline-it-" + RUN.get(), "processing.guarantee", "exactly_once_v2",
                "ingest.max.text.chars", "5000"));
        open.add(LurewatchApp.start(config, KAFKA.bootstrapServers(), topics, routes, KeywordAssessor::new,
                PipelineEvents.NONE, Files.createTempDirectory("pipeline-it")));

        produce(topics.social(), json("s1", "facebook", "id", "LURE kerja Kamboja @rekrut_satu"));
        produce(topics.social(), json("s2", "tiktok", "vi", "LURE việc làm Campuchia @tuyen_dung_hai"));
        produce(topics.jobAds(), "{\"id\":\"j1\",\"source\":\"jobstreet\",\"kind\":\"job_ad\",\"lang\":\"zh\","
                + "\"title\":\"客服\",\"text\":\"LURE 东南亚 高薪 @gaoxin_san\"}");
        produce(topics.social(), json("d1", "facebook", "tl", "HELP kinuha ang passport ng kapatid ko"));
        produce(topics.social(), json("b1", "facebook", "id", "Lowongan kasir resmi di Jakarta"));
        produce(topics.partnerFlags(), "{\"id\":\"f1\",\"source\":\"telegram\",\"kind\":\"partner_flag\","
                + "\"partner_id\":\"telegram\",\"lang\":\"en\",\"text\":\"LURE typing job abroad @kk_four\"}");
        produce(topics.social(), "not json");
        produce(topics.social(), new byte[] {'{', (byte) 0xFF, '}'});
        produce(topics.jobAds(), "{\"id\":\"x\",\"source\":\"facebook\",\"kind\":\"job_ad\"}");
        produce(topics.social(), json("big", "facebook", "en", "x".repeat(6000)));

        List<String> expectedAlerts = List.of(
                topics.hotlineAlerts("indonesia") + " facebook:s1 lure",
                topics.partnerAlerts("facebook") + " facebook:s1 lure",
                topics.hotlineAlerts("vietnam") + " tiktok:s2 lure",
                topics.partnerAlerts("tiktok") + " tiktok:s2 lure",
                topics.hotlineAlerts("regional") + " jobstreet:j1 lure",
                topics.partnerAlerts("jobstreet") + " jobstreet:j1 lure",
                topics.hotlineAlerts("philippines") + " facebook:d1 distress",
                topics.hotlineAlerts("regional") + " telegram:f1 lure",
                topics.partnerAlerts("telegram") + " telegram:f1 lure");
        List<String> expectedDeadLetters = List.of("not_json", "invalid_utf8", "schema_violation", "oversized");

        try (KafkaConsumer<byte[], byte[]> consumer = readCommitted(Pattern.compile(
                Pattern.quote(topics.hotlineAlertPrefix()) + ".+|" + Pattern.quote(topics.partnerAlertPrefix()) + ".+|"
                        + Pattern.quote(topics.deadLetter())))) {
            List<String> alerts = new ArrayList<>();
            List<String> deadLetters = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                poll(consumer, topics, alerts, deadLetters);
                return alerts.size() >= expectedAlerts.size() && deadLetters.size() >= expectedDeadLetters.size();
            });
            // Nothing more: give a late duplicate two commit intervals and more to show up.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
                poll(consumer, topics, alerts, deadLetters);
                return alerts.size() == expectedAlerts.size() && deadLetters.size() == expectedDeadLetters.size();
            });
            assertThat(alerts).containsExactlyInAnyOrderElementsOf(expectedAlerts);
            assertThat(deadLetters).containsExactlyInAnyOrderElementsOf(expectedDeadLetters);
        }
    }

    private static void poll(KafkaConsumer<byte[], byte[]> consumer, Topics topics, List<String> alerts,
                             List<String> deadLetters) throws Exception {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            if (record.topic().equals(topics.deadLetter())) {
                deadLetters.add(DeadLetterHeaders.get(record.headers(), DeadLetterHeaders.REASON));
            } else {
                JsonNode event = Json.mapper().readTree(record.value());
                alerts.add(record.topic() + " " + event.at("/data/post/key").asText(event.get("subject").asText())
                        + " " + event.at("/data/category").asText());
            }
        }
    }

    private void createTopics(Topics topics, Routes routes) throws Exception {
        List<NewTopic> newTopics = new ArrayList<>();
        topics.fixedNames().forEach(name -> newTopics.add(new NewTopic(name, 2, (short) 1)));
        routes.hotlineIds().forEach(id -> newTopics.add(new NewTopic(topics.hotlineAlerts(id), 1, (short) 1)));
        routes.partnerIds().forEach(id -> newTopics.add(new NewTopic(topics.partnerAlerts(id), 1, (short) 1)));
        KAFKA.admin().createTopics(newTopics).all().get();
    }

    private static String json(String id, String source, String lang, String text) {
        return "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"kind\":\"social_post\",\"lang\":\"" + lang
                + "\",\"text\":\"" + text + "\"}";
    }

    private void produce(String topic, String value) {
        produce(topic, value.getBytes(StandardCharsets.UTF_8));
    }

    private void produce(String topic, byte[] value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, value));
        }
    }

    private KafkaConsumer<byte[], byte[]> readCommitted(Pattern topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "pipeline-it-reader-" + RUN.get());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
        return consumer;
    }
}
