package org.lurewatch.signal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.lurewatch.kafka.ClientProperties;
import org.lurewatch.kafka.Json;
import org.lurewatch.ops.KeyValueLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signal feed's read model on one instance: the whole compacted {@code signals} topic in memory (one record per
 * signal; small), read from the start and kept current, ordered by {@code updated_at} then id for
 * {@code GET /v1/signals?since=}. Each instance reads the topic itself (no consumer group, nothing committed), so any
 * instance answers any partner; one lagging behind another only answers a little later, never skips: a partner's
 * cursor only moves past what it was given.
 */
public final class SignalIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignalIndex.class);
    private static final Comparator<Signal> ORDER = Comparator.comparing(Signal::updatedAt).thenComparing(Signal::id);

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Signal> byId = new HashMap<>();
    private final NavigableMap<Signal, Signal> byUpdate = new TreeMap<>(ORDER);
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    private SignalIndex(String topic, KafkaConsumer<byte[], byte[]> consumer) {
        this.topic = topic;
        this.consumer = consumer;
        this.thread = new Thread(this::run, "lurewatch-signal-index");
        this.thread.setDaemon(true);
    }

    /** Starts reading {@code topic} from its beginning with the app's client settings. */
    public static SignalIndex start(String bootstrapServers, Map<String, String> kafkaOverrides, String topic) {
        KafkaConsumer<byte[], byte[]> consumer = ClientProperties.readerOfAll(bootstrapServers, kafkaOverrides,
                "lurewatch-signal-index");
        SignalIndex index = new SignalIndex(topic, consumer);
        index.thread.start();
        return index;
    }

    /** Waits until the topic has been read to the end once (what was there at start); false on timeout. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean loaded() {
        return loaded.getCount() == 0;
    }

    /**
     * Signals updated at or after {@code since}, oldest change first; with {@code after} (the id of the last signal of
     * the previous page, whose {@code updated_at} is {@code since}) only those strictly after that one.
     */
    public Page page(Instant since, String after, int limit) {
        Signal from = new Signal(after == null ? "" : after, "-", "-", "-", Instant.EPOCH, Instant.EPOCH, 0,
                Signal.ACTIVE, 0, since);
        lock.readLock().lock();
        try {
            List<Signal> signals = new ArrayList<>(Math.min(limit, 1024));
            boolean more = false;
            for (Signal signal : byUpdate.tailMap(from, after == null).keySet()) {
                if (signals.size() == limit) {
                    more = true;
                    break;
                }
                signals.add(signal);
            }
            return new Page(signals, more);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Signals whose status is active now. */
    public long activeCount() {
        lock.readLock().lock();
        try {
            return byId.values().stream().filter(Signal::active).count();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                if (loaded.getCount() > 0 && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    loaded.countDown();
                    LOG.info("{}", KeyValueLine.event("signal_index_loaded").with("topic", topic).with("signals", byId.size()));
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("{}", KeyValueLine.event("signal_index_failed").with("error", e.toString()));
            }
        } catch (RuntimeException e) {
            LOG.error("{}", KeyValueLine.event("signal_index_failed").with("topic", topic).with("error", e.toString()), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private List<TopicPartition> awaitPartitions() {
        boolean warned = false;
        while (running) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            }
            if (!warned) {
                LOG.warn("{}", KeyValueLine.event("signal_topic_missing").with("topic", topic)
                        .with("hint", "run `lurewatch topics create`; the feed answers 503 until it exists"));
                warned = true;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        return List.of();
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        Signal signal;
        try {
            signal = Json.mapper().readValue(record.value(), Signal.class).withUpdatedAt(Instant.ofEpochMilli(record.timestamp()));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("{}", KeyValueLine.event("signal_unreadable").with("topic", record.topic())
                    .with("partition", record.partition()).with("offset", record.offset()));
            return;
        }
        lock.writeLock().lock();
        try {
            Signal previous = byId.put(signal.id(), signal);
            if (previous != null) {
                byUpdate.remove(previous);
            }
            byUpdate.put(signal, signal);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One page of the feed. */
    public record Page(List<Signal> signals, boolean more) {
        public Page {
            signals = List.copyOf(Objects.requireNonNull(signals, "signals"));
        }
    }
}
