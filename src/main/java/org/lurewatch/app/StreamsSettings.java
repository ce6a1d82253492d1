package org.lurewatch.app;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.ingest.DeadLetterDeserializationHandler;
import org.lurewatch.ingest.DeadLetterProcessingHandler;
import org.lurewatch.ingest.RetryingProductionHandler;
import org.lurewatch.kafka.Topics;

/** Kafka Streams properties from our config: our settings first, then any {@code kafka.*} overrides on top. */
public final class StreamsSettings {
    private StreamsSettings() {
    }

    public static Properties of(LurewatchConfig config, String bootstrapServers, Topics topics, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitIntervalMs());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.topicReplicationFactor());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, RetryingProductionHandler.class);
        props.put("lurewatch.deadletter.topic", topics.deadLetter());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // Alerts are small, but a post's dead letter may carry a large original: allow up to 2 MB records.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 2 * 1024 * 1024);
        props.putAll(config.kafkaOverrides());
        return props;
    }
}
