package org.lurewatch.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.lurewatch.kafka.CommittedReader;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;

/**
 * Reads what the pipeline committed (read_committed, so only what exactly-once really delivered): alerts,
 * scored posts and dead letters; counts them into a {@link DemoSummary} and hands each alert to a printer.
 * Stops when nothing has arrived for the idle time.
 */
public final class OutputWatcher implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topics topics;
    private final DemoSummary summary;
    private volatile boolean stopped;

    public OutputWatcher(String bootstrapServers, Topics topics, DemoSummary summary) {
        this.consumer = CommittedReader.subscribe(bootstrapServers, "lurewatch-demo-watcher",
                Pattern.compile(Pattern.quote(topics.scored()) + "|" + Pattern.quote(topics.deadLetter()) + "|"
                        + Pattern.quote(topics.hotlineAlertPrefix()) + ".+|" + Pattern.quote(topics.partnerAlertPrefix()) + ".+"),
                Map.of(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000));
        this.topics = topics;
        this.summary = summary;
    }

    /**
     * Polls until no record has arrived for {@code idle} while the pipeline runs (or forever when idle is null),
     * passing every alert to {@code onAlert} as (topic, CloudEvent). The idle time counts only from when
     * {@code running} says the pipeline processes: a slow start (a model loading on a busy machine, a first
     * rebalance) is not idleness.
     */
    public void watch(Duration idle, java.util.function.BooleanSupplier running, AlertPrinter onAlert, Consumer<String> progress) {
        long lastRecord = System.nanoTime();
        while (!stopped && (idle == null || System.nanoTime() - lastRecord < idle.toNanos())) {
            if (!running.getAsBoolean()) {
                lastRecord = System.nanoTime();
            }
            ConsumerRecords<byte[], byte[]> records;
            try {
                records = consumer.poll(Duration.ofMillis(200));
            } catch (WakeupException stopRequested) {
                return;
            }
            for (ConsumerRecord<byte[], byte[]> record : records) {
                lastRecord = System.nanoTime();
                handle(record, onAlert);
            }
        }
        if (idle != null) {
            progress.accept(String.format(Locale.ROOT, "no new records for %ds, stopping", idle.toSeconds()));
        }
    }

    /** Makes {@link #watch} return soon; safe to call from another thread (a shutdown hook). */
    public void stop() {
        stopped = true;
        consumer.wakeup();
    }

    private void handle(ConsumerRecord<byte[], byte[]> record, AlertPrinter onAlert) {
        if (record.topic().equals(topics.deadLetter())) {
            summary.deadLetter();
        } else if (record.topic().equals(topics.scored())) {
            summary.scored(readCategory(record.value()));
        } else {
            summary.alert(record.topic());
            onAlert.print(record.topic(), read(record.value()));
        }
    }

    private static String readCategory(byte[] value) {
        JsonNode node = read(value);
        return node == null ? "unreadable" : node.at("/assessment/category").asText("unknown");
    }

    private static JsonNode read(byte[] value) {
        try {
            return Json.mapper().readTree(new String(value, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /** Receives each alert as it arrives. */
    @FunctionalInterface
    public interface AlertPrinter {
        void print(String topic, JsonNode event);
    }
}
