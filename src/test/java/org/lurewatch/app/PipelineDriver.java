package org.lurewatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.lurewatch.alert.Routes;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.assess.Assessor;
import org.lurewatch.assess.ScoredPost;
import org.lurewatch.campaign.Campaign;
import org.lurewatch.campaign.CampaignSettings;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.config.TopologyConfig;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.JsonSerde;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.PipelineEvents;

/** The whole Lurewatch topology in a {@link TopologyTestDriver}, with raw-byte input and output helpers. */
public final class PipelineDriver implements AutoCloseable {
    public static final int MAX_TEXT_CHARS = 2_000;
    /** The default {@code alert.update.window.minutes}. */
    public static final Duration UPDATE_WINDOW = Duration.ofMinutes(60);
    /** Event time of the first post in tests that care about time. */
    public static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final Topics topics = Topics.defaults();
    private final TopologyTestDriver driver;

    public PipelineDriver() {
        this(RoutesLoader.loadBundled(), KeywordAssessor::new, PipelineEvents.NONE);
    }

    public PipelineDriver(Routes routes, Supplier<Assessor> assessors, PipelineEvents events) {
        this(routes, assessors, events, UPDATE_WINDOW);
    }

    public PipelineDriver(Routes routes, Supplier<Assessor> assessors, PipelineEvents events, Duration updateWindow) {
        this(routes, assessors, events, updateWindow, TopologyConfig.defaults());
    }

    /** With other state lifetimes and intervals than the defaults ({@code campaign.*}, {@code feedback.*}, ...). */
    public PipelineDriver(Routes routes, Supplier<Assessor> assessors, PipelineEvents events, Duration updateWindow,
                          TopologyConfig settings) {
        Topology topology = LurewatchTopology.build(topics, routes, MAX_TEXT_CHARS, updateWindow, settings, assessors, events);
        Properties props = StreamsSettings.failLoudlyInStatefulProcessors(
                StreamsSettings.of(LurewatchConfig.defaults(), "dummy:9092", topics, tempStateDir()), topology);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "lurewatch-test");
        driver = new TopologyTestDriver(topology, props);
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
        letAPublishIntervalPass();
    }

    /**
     * A running app publishes changed campaigns once per publish interval of real time; the driver lets that much
     * wall-clock time pass after each record, so every test sees them as a running app's readers soon would.
     */
    private void letAPublishIntervalPass() {
        driver.advanceWallClockTime(CampaignSettings.PUBLISH_INTERVAL);
    }

    public void pipe(String topic, String json) {
        pipe(topic, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Pipes a record with its event time, for anything windowed. */
    public void pipe(String topic, String json, Instant timestamp) {
        driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer())
                .pipeInput(null, json.getBytes(StandardCharsets.UTF_8), timestamp);
        letAPublishIntervalPass();
    }

    /** A social post at {@link #T0} plus some minutes, posted ({@code posted_at}) and seen at that time. */
    public void post(String id, String source, String lang, String text, int minutes) {
        Instant at = T0.plus(Duration.ofMinutes(minutes));
        pipe(topics.social(), post(id, source, lang, text, at), at);
    }

    /**
     * Reads every alert topic that has new records: topic to the events, in order. Reading consumes them, so
     * a second call shows only what came since; an empty map means nothing more was sent anywhere.
     */
    public Map<String, List<JsonNode>> readAlerts() {
        Map<String, List<JsonNode>> alerts = new TreeMap<>();
        for (String name : driver.producedTopicNames()) {
            if (name.startsWith("alerts.")) {
                List<JsonNode> events = output(name).readValuesToList().stream().map(PipelineDriver::json).toList();
                if (!events.isEmpty()) {
                    alerts.put(name, events);
                }
            }
        }
        return alerts;
    }

    /** Every record written to {@code campaigns} since the last call, in order (null values are tombstones). */
    public List<KeyValue<String, Campaign>> readCampaignChanges() {
        return driver.createOutputTopic(topics.campaigns(), new StringDeserializer(),
                        JsonSerde.of(Campaign.class).deserializer())
                .readKeyValuesToList();
    }

    /** The scored post for a key, the last one written since the last read. */
    public ScoredPost readScored(String postKey) {
        return driver.createOutputTopic(topics.scored(), new StringDeserializer(),
                        JsonSerde.of(ScoredPost.class).deserializer())
                .readKeyValuesToMap().get(postKey);
    }

    public static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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

    /** The same with {@code posted_at}, which also dates the campaign the post may found. */
    public static String post(String id, String source, String lang, String text, Instant postedAt) {
        String json = post(id, source, lang, text);
        return json.substring(0, json.length() - 1) + ",\"posted_at\":\"" + postedAt + "\"}";
    }
}
