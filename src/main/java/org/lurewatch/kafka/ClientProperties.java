package org.lurewatch.kafka;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Settings for the app's own plain clients next to Kafka Streams (the flag API's producer, the read models, webhook
 * delivery): ours first, then those {@code kafka.*} overrides that the client type knows (security settings and the
 * like), so a Streams-only override does not raise "unknown config" warnings on every client.
 */
public final class ClientProperties {
    private ClientProperties() {
    }

    /**
     * A consumer that reads committed records and commits nothing by itself; give a {@code group.id} in
     * {@code settings} to use one, or assign partitions.
     */
    public static Properties consumer(String bootstrapServers, Map<String, String> overrides, Map<String, Object> settings) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putAll(settings);
        putKnown(props, overrides, ConsumerConfig.configNames());
        return props;
    }

    /** An idempotent producer that waits for every in-sync replica. */
    public static Properties producer(String bootstrapServers, Map<String, String> overrides, Map<String, Object> settings) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.putAll(settings);
        putKnown(props, overrides, ProducerConfig.configNames());
        return props;
    }

    /** An admin client. */
    public static Properties admin(String bootstrapServers, Map<String, String> overrides) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        putKnown(props, overrides, AdminClientConfig.configNames());
        return props;
    }

    /** A group-less consumer for a read model that reads whole topics from the start (it assigns partitions itself). */
    public static KafkaConsumer<byte[], byte[]> readerOfAll(String bootstrapServers, Map<String, String> overrides,
                                                            String clientId) {
        return new KafkaConsumer<>(consumer(bootstrapServers, overrides, Map.of(ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** A byte producer with {@link #producer} settings. */
    public static KafkaProducer<byte[], byte[]> byteProducer(String bootstrapServers, Map<String, String> overrides,
                                                            Map<String, Object> settings) {
        return new KafkaProducer<>(producer(bootstrapServers, overrides, settings), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    private static void putKnown(Properties props, Map<String, String> overrides, Set<String> known) {
        overrides.forEach((key, value) -> {
            if (known.contains(key)) {
                props.put(key, value);
            }
        });
    }
}
