package org.lurewatch.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.lurewatch.kafka.CommittedReader;

/**
 * Reads committed output and times it: when the first and the n-th record arrived (with the CPU time used by
 * then), and for each record how long after its input record's timestamp it arrived (Streams carries the input
 * timestamp to the output).
 */
final class OutputClock implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;

    OutputClock(String bootstrapServers, Pattern topics, String group) {
        consumer = CommittedReader.subscribe(bootstrapServers, group, topics,
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000));
    }

    /** Waits for {@code expected} records; the result spans first to last arrival, in wall-clock and CPU time. */
    Span awaitCount(long expected, Duration timeout, LongSupplier cpuNanos, LongSupplier streamThreadNanos) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long first = 0;
        long firstCpu = 0;
        long firstThreads = 0;
        long last = 0;
        long seen = 0;
        while (seen < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> ignored : consumer.poll(Duration.ofMillis(100))) {
                long now = System.nanoTime();
                if (seen == 0) {
                    first = now;
                    firstCpu = cpuNanos.getAsLong();
                    firstThreads = streamThreadNanos.getAsLong();
                }
                last = now;
                seen++;
            }
        }
        return new Span(seen, first, last, firstCpu, cpuNanos.getAsLong(), firstThreads, streamThreadNanos.getAsLong());
    }

    /**
     * Collects post-to-output latencies (ms) until nothing arrives for {@code idle}, per kind of output
     * ({@code kind} names it, or returns null to leave a record out).
     */
    Map<String, List<Long>> latencies(Duration idle, Function<ConsumerRecord<byte[], byte[]>, String> kind) {
        Map<String, List<Long>> latencies = new TreeMap<>();
        long lastArrival = System.nanoTime();
        while (System.nanoTime() - lastArrival < idle.toNanos()) {
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            consumer.poll(Duration.ofMillis(50)).forEach(records::add);
            long now = System.currentTimeMillis();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                lastArrival = System.nanoTime();
                String name = kind.apply(record);
                if (name != null) {
                    latencies.computeIfAbsent(name, k -> new ArrayList<>()).add(now - record.timestamp());
                }
            }
        }
        return latencies;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /**
     * {@code count} records arrived between {@code firstNanos} and {@code lastNanos}, using that much CPU in all
     * processes of the run and in the topology's stream threads alone.
     */
    record Span(long count, long firstNanos, long lastNanos, long firstCpuNanos, long lastCpuNanos,
                long firstThreadNanos, long lastThreadNanos) {
        double perSecond() {
            double seconds = (lastNanos - firstNanos) / 1e9;
            return count < 1 || seconds <= 0 ? 0 : count / seconds;
        }

        /**
         * The same records timed from an earlier start: when the topology began to run. Timing from the first
         * arrival alone overstates a fast topology, whose whole output can become visible in one or two exactly-once
         * commits (a passthrough "did" 20,000 posts in 46 ms that way).
         */
        Span startingAt(long nanos, long cpuNanos, long threadNanos) {
            return new Span(count, nanos, lastNanos, cpuNanos, lastCpuNanos, threadNanos, lastThreadNanos);
        }

        /** A span that ends later, when the work behind the last record was done. */
        Span endingAt(long nanos, long cpuNanos, long threadNanos) {
            return new Span(count, firstNanos, Math.max(lastNanos, nanos), firstCpuNanos, Math.max(lastCpuNanos, cpuNanos),
                    firstThreadNanos, Math.max(lastThreadNanos, threadNanos));
        }

        /** CPU time (all processes of the run: broker, JIT and GC included) per record, in microseconds. */
        double cpuMicrosPerRecord() {
            return count < 1 ? 0 : (lastCpuNanos - firstCpuNanos) / 1e3 / count;
        }

        /** CPU time of the topology's stream threads per record, in microseconds: the work of the topology itself. */
        double streamThreadMicrosPerRecord() {
            return count < 1 ? 0 : (lastThreadNanos - firstThreadNanos) / 1e3 / count;
        }
    }
}
