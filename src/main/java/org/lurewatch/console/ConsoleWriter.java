package org.lurewatch.console;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lurewatch.access.Session;
import org.lurewatch.feedback.VerdictMessage;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.KeyValueLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the console writes, as the app: verdicts to the verdicts topic of the session's hotline (never a hotline from
 * the form), and read marks to {@code console.reads}. One idempotent producer per instance.
 */
final class ConsoleWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleWriter.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private final Topics topics;
    private final KafkaProducer<String, byte[]> producer;
    /** Read marks are sent from here, so a page never waits for Kafka to record that it was opened. */
    private final java.util.concurrent.ExecutorService marks = java.util.concurrent.Executors.newSingleThreadExecutor(
            runnable -> {
                Thread thread = new Thread(runnable, "lurewatch-console-read-marks");
                thread.setDaemon(true);
                return thread;
            });

    ConsoleWriter(Map<String, Object> producerConfig, Topics topics) {
        this.topics = topics;
        Map<String, Object> props = new HashMap<>(producerConfig);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "lurewatch-console-writer");
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Writes a verdict of the session's analyst to the session's hotline's topic, keyed by what it judges, and waits
     * for the broker to take it.
     *
     * @throws ConsoleUnavailableException when Kafka does not take it in time
     */
    RecordMetadata verdict(Session session, VerdictMessage verdict) {
        String topic = topics.hotlineFeedback(session.hotline());
        byte[] value = json(verdict);
        try {
            return producer.send(new ProducerRecord<>(topic, verdict.subject(), value))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleUnavailableException("interrupted while saving the verdict", e);
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("{}", KeyValueLine.event("verdict_not_saved").with("topic", topic).with("error", e.toString()));
            throw new ConsoleUnavailableException("Kafka did not take the verdict", e);
        }
    }

    /** Records that the analyst opened an alert, for every instance; a failure is logged, the page still shows. */
    void read(Session session, String alertId) {
        ConsoleReadModel.ReadMark mark = new ConsoleReadModel.ReadMark(session.hotline(), session.principal().id(),
                alertId, Instant.now());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.consoleReads(), mark.key(), json(mark));
        marks.execute(() -> {
            try {
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        LOG.warn("{}", KeyValueLine.event("read_mark_not_saved").with("error", error.toString()));
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("{}", KeyValueLine.event("read_mark_not_saved").with("error", e.toString()));
            }
        });
    }

    private static byte[] json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("console records are always serialisable", e);
        }
    }

    @Override
    public void close() {
        marks.shutdown();
        producer.close(Duration.ofSeconds(5));
    }
}
