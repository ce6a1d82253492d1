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
    static final int BATCH_BYTES = 128 * 1024;
    static final long CACHE_BYTES = 32L * 1024 * 1024;

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
        // Batching: scored posts are about 1-3 KB of JSON and every post also writes internal records, so the
        // producer's default 16 KB batches fill after a handful of posts; 128 KB batches cut the requests per
        // commit several times over. Under exactly-once a commit flushes every batch anyway, so nothing waits
        // longer than the commit interval (linger.ms stays at Streams' 100 ms default for the same reason).
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), BATCH_BYTES);
        // Record caches: every store of the campaign and feedback steps is cached, so a hot key (a campaign taking
        // a post a millisecond, a busy link key) reaches its changelog once per commit, not once per record. 32 MB
        // for all stores of an instance, shared by its stream threads.
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, CACHE_BYTES);
        props.putAll(config.kafkaOverrides());
        return props;
    }
}
