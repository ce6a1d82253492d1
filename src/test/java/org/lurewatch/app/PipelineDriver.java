package org.lurewatch.app;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.lurewatch.alert.Routes;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.assess.Assessor;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.PipelineEvents;

/** The whole Lurewatch topology in a {@link TopologyTestDriver}, with raw-byte input and output helpers. */
public final class PipelineDriver implements AutoCloseable {
    public static final int MAX_TEXT_CHARS = 2_000;

    private final Topics topics = Topics.defaults();
    private final TopologyTestDriver driver;

    public PipelineDriver() {
        this(RoutesLoader.loadBundled(), KeywordAssessor::new, PipelineEvents.NONE);
    }

    public PipelineDriver(Routes routes, Supplier<Assessor> assessors, PipelineEvents events) {
        Properties props = StreamsSettings.of(LurewatchConfig.defaults(), "dummy:9092", topics, tempStateDir());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "lurewatch-test");
        driver = new TopologyTestDriver(LurewatchTopology.build(topics, routes, MAX_TEXT_CHARS, assessors, events), props);
    }

    private static java.nio.file.Path tempStateDir() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("lurewatch-test-state");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Topics topics() {
        return topics;
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    public void pipe(String topic, byte[] value) {
        TestInputTopic<byte[], byte[]> input =
                driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
        input.pipeInput(null, value);
    }

    public void pipe(String topic, String json) {
        pipe(topic, json.getBytes(StandardCharsets.UTF_8));
    }

    public TestOutputTopic<String, String> output(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new StringDeserializer());
    }

    public List<TestRecord<byte[], byte[]>> deadLetters() {
        return driver.createOutputTopic(topics.deadLetter(), new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .readRecordsToList();
    }

    /** Every alert topic that got records, with its values, in topic order. */
    public List<String> alertTopicsWithRecords() {
        List<String> topicsWithRecords = new ArrayList<>();
        for (String name : driver.producedTopicNames()) {
            if (name.startsWith("alerts.") && !output(name).isEmpty()) {
                topicsWithRecords.add(name);
            }
        }
        return topicsWithRecords;
    }

    @Override
    public void close() {
        driver.close();
    }

    public static String post(String id, String source, String lang, String text) {
        return "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"kind\":\"social_post\",\"lang\":\"" + lang
                + "\",\"author\":\"someone\",\"text\":\"" + text + "\"}";
    }
}
