package org.lurewatch.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.lurewatch.kafka.CommittedReader;

/**
 * Reads committed output and times it: when the first and the n-th record arrived, and for each record how long
 * after its input record's timestamp it arrived (Streams carries the input timestamp to the output).
 */
final class OutputClock implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;

    OutputClock(String bootstrapServers, Pattern topics, String group) {
        consumer = CommittedReader.subscribe(bootstrapServers, group, topics,
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000));
    }

    /** Waits for {@code expected} records; the result spans first to last arrival. */
    Span awaitCount(long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long first = 0;
        long last = 0;
        long seen = 0;
        while (seen < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> ignored : consumer.poll(Duration.ofMillis(100))) {
                long now = System.nanoTime();
                if (seen == 0) {
                    first = now;
                }
                last = now;
                seen++;
            }
        }
        return new Span(seen, first, last);
    }

    /** Collects post-to-output latencies (ms) until nothing arrives for {@code idle}. */
    List<Long> latencies(Duration idle) {
        List<Long> latencies = new ArrayList<>();
        long lastArrival = System.nanoTime();
        while (System.nanoTime() - lastArrival < idle.toNanos()) {
            Collection<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            consumer.poll(Duration.ofMillis(50)).forEach(records::add);
            long now = System.currentTimeMillis();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                latencies.add(now - record.timestamp());
                lastArrival = System.nanoTime();
            }
        }
        return latencies;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /** {@code count} records arrived between {@code firstNanos} and {@code lastNanos}. */
    record Span(long count, long firstNanos, long lastNanos) {
        double perSecond() {
            double seconds = (lastNanos - firstNanos) / 1e9;
            return count <= 1 || seconds <= 0 ? 0 : (count - 1) / seconds;
        }
    }
}
