package org.lurewatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.lurewatch.alert.Routes;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.ingest.DeadLetterHeaders;
import org.lurewatch.kafka.CommittedReader;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.PipelineEvents;
import org.lurewatch.testing.KafkaBrokerExtension;

/**
 * The whole Lurewatch topology running on a real broker with exactly-once, on topics of its own (a fresh prefix per
 * instance), with the predictable {@link KeywordAssessor}; plus a producer for raw feed records and a
 * read-committed reader of what came out.
 */
final class LivePipeline implements AutoCloseable {
    private static final AtomicInteger RUN = new AtomicInteger();

    private final KafkaBrokerExtension kafka;
    private final Topics topics;
    private final LurewatchApp app;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> reader;

    LivePipeline(KafkaBrokerExtension kafka, int inputPartitions) throws Exception {
        this.kafka = kafka;
        int run = RUN.incrementAndGet();
        this.topics = Topics.defaults().withPrefix("run" + run + ".");
        Routes routes = RoutesLoader.loadBundled();
        createTopics(kafka, topics, routes, inputPartitions);
        LurewatchConfig config = ConfigLoader.load(Optional.empty(), Map.of(), Map.of(
                "application.id", "live-pipeline-" + run, "processing.guarantee", "exactly_once_v2",
                "ingest.max.text.chars", "5000"));
        this.app = LurewatchApp.start(config, kafka.bootstrapServers(), topics, routes, KeywordAssessor::new,
                PipelineEvents.NONE, Files.createTempDirectory("live-pipeline"));
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        this.producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
        this.reader = CommittedReader.subscribe(kafka.bootstrapServers(), "live-pipeline-reader-" + run, Pattern.compile(
                Pattern.quote(topics.hotlineAlertPrefix()) + ".+|" + Pattern.quote(topics.partnerAlertPrefix()) + ".+|"
                        + Pattern.quote(topics.deadLetter())), Map.of());
    }

    Topics topics() {
        return topics;
    }

    void send(String topic, String value) {
        send(topic, value.getBytes(StandardCharsets.UTF_8));
    }

    void send(String topic, byte[] value) {
        producer.send(new ProducerRecord<>(topic, value));
        producer.flush();
    }

    /** Reads what arrived since the last call: alerts as "topic postKey category type", dead letters by reason. */
    void poll(List<String> alerts, List<String> deadLetters) throws Exception {
        for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
            if (record.topic().equals(topics.deadLetter())) {
                deadLetters.add(DeadLetterHeaders.get(record.headers(), DeadLetterHeaders.REASON));
            } else {
                JsonNode event = Json.mapper().readTree(record.value());
                alerts.add(record.topic() + " " + event.at("/data/post/key").asText() + " "
                        + event.at("/data/category").asText() + " " + event.get("type").asText());
            }
        }
    }

    static String post(String id, String source, String lang, String text) {
        return "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"kind\":\"social_post\",\"lang\":\"" + lang
                + "\",\"text\":\"" + text + "\"}";
    }

    /** Every fixed topic with {@code inputPartitions} partitions, one alert topic per route, one verdicts topic per hotline. */
    static void createTopics(KafkaBrokerExtension kafka, Topics topics, Routes routes, int inputPartitions)
            throws Exception {
        List<NewTopic> newTopics = new ArrayList<>();
        topics.fixedNames().forEach(name -> newTopics.add(new NewTopic(name, inputPartitions, (short) 1)));
        topics.routeNames(routes.hotlineIds(), routes.partnerIds())
                .forEach(name -> newTopics.add(new NewTopic(name, 1, (short) 1)));
        topics.hotlineFeedbackNames(routes.hotlineIds())
                .forEach(name -> newTopics.add(new NewTopic(name, 1, (short) 1)));
        kafka.admin().createTopics(newTopics).all().get();
    }

    @Override
    public void close() {
        reader.close();
        producer.close();
        app.close();
    }
}
