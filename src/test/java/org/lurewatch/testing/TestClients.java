package org.lurewatch.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain string clients for integration tests, with the settings a test wants and nothing else. */
public final class TestClients {

    private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(30);

    private TestClients() {
    }

    /** A transactional producer, already initialised (initTransactions has run). */
    public static KafkaProducer<String, String> transactionalProducer(String bootstrapServers, String transactionalId) {
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        producer.initTransactions();
        return producer;
    }

    /** A consumer in a fresh group that reads from the beginning and sees only committed transactions. */
    public static KafkaConsumer<String, String> readCommittedConsumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
    }

    /**
     * Reads {@code topic} with a read_committed consumer until {@code count} values have arrived and
     * returns them in order; fails if fewer arrive in time or more than {@code count} arrive.
     */
    public static List<String> readCommittedValues(String bootstrapServers, String topic, int count) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = readCommittedConsumer(bootstrapServers)) {
            consumer.subscribe(List.of(topic));
            await("%d committed records on %s".formatted(count, topic))
                    .atMost(CONSUME_TIMEOUT)
                    .pollInterval(Duration.ZERO)
                    .until(() -> {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                            values.add(record.value());
                        }
                        return values.size() >= count;
                    });
        }
        assertThat(values).as("records on %s", topic).hasSize(count);
        return values;
    }
}
