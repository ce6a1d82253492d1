package org.lurewatch.kafka;

import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A consumer that reads what exactly-once really delivered: {@code read_committed}, from the start of each topic,
 * committing nothing, and noticing new topics that match its pattern quickly (alert topics appear as routes do).
 * The demo's console, the benchmark's clocks and the tests that check output all read this way.
 */
public final class CommittedReader {
    private CommittedReader() {
    }

    /**
     * @param extra further consumer settings that override these (for example {@code max.poll.records})
     */
    public static KafkaConsumer<byte[], byte[]> subscribe(String bootstrapServers, String group, Pattern topics,
                                                         Map<String, Object> extra) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500);
        props.putAll(extra);
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
        return consumer;
    }
}
