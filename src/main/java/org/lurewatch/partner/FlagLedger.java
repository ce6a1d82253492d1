package org.lurewatch.partner;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
 * Which (partner, post) pairs the partners' flag topics already hold, on one instance: every {@code partner-flags.<p>}
 * topic read from its beginning (no consumer group), each post key ({@code source:id}, from the envelope) with the
 * partition and offset where it first appears. Because every instance reads the same topics, they all agree on what
 * came first; because the topics are the record, a restart forgets nothing. Entries older than the de-duplication
 * window are dropped (the topics' retention drops the records too).
 *
 * <p>{@link #await} is the read-your-writes barrier: it waits until this reader has consumed a partition up to a given
 * offset, so a decision made after it sees everything written before.
 */
final class FlagLedger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlagLedger.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    private static final Duration MISSING_TOPICS_RECHECK = Duration.ofSeconds(10);

    /** Where a post key first appeared. */
    record Claim(int partition, long offset, long timestamp) {
    }

    private final List<String> topics;
    private final Duration window;
    private final Clock clock;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Map<String, Claim>> claims = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final Map<String, List<TopicPartition>> partitions = new ConcurrentHashMap<>();
    private final Object progress = new Object();
    private final Thread thread;
    private volatile boolean running = true;

    private FlagLedger(List<String> topics, Duration window, Clock clock, KafkaConsumer<byte[], byte[]> consumer) {
        this.topics = List.copyOf(topics);
        this.window = window;
        this.clock = clock;
        this.consumer = consumer;
        this.thread = new Thread(this::run, "lurewatch-flag-ledger");
        this.thread.setDaemon(true);
    }

    static FlagLedger start(String bootstrapServers, Map<String, String> kafkaOverrides, List<String> topics,
                            Duration window, Clock clock) {
        FlagLedger ledger = new FlagLedger(topics, window, clock,
                ClientProperties.readerOfAll(bootstrapServers, kafkaOverrides, "lurewatch-flag-ledger"));
        ledger.thread.start();
        return ledger;
    }

    /** The partitions of a flag topic, once the ledger found the topic; empty while it does not exist. */
    List<TopicPartition> partitions(String topic) {
        return partitions.getOrDefault(topic, List.of());
    }

    /** Where {@code postKey} first appeared on {@code topic}, within the window, as far as this reader has read. */
    Optional<Claim> first(String topic, String postKey) {
        Map<String, Claim> byKey = claims.get(topic);
        return byKey == null ? Optional.empty() : Optional.ofNullable(byKey.get(postKey));
    }

    /** Waits until every partition in {@code targets} has been read up to (not including) its offset. */
    boolean await(Map<TopicPartition, Long> targets, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (!reached(targets)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !running) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
            return true;
        }
    }

    private boolean reached(Map<TopicPartition, Long> targets) {
        return targets.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }

    private void run() {
        long lastPurge = System.nanoTime();
        long lastTopicCheck = 0;
        Set<TopicPartition> assigned = new HashSet<>();
        try {
            while (running) {
                if (partitions.size() < topics.size() && System.nanoTime() - lastTopicCheck > MISSING_TOPICS_RECHECK.toNanos()) {
                    lastTopicCheck = System.nanoTime();
                    assigned = assignNewTopics(assigned);
                }
                if (assigned.isEmpty()) {
                    synchronized (progress) {
                        progress.wait(MISSING_TOPICS_RECHECK.toMillis());
                    }
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    remember(record);
                }
                for (TopicPartition partition : assigned) {
                    positions.put(partition, consumer.position(partition));
                }
                synchronized (progress) {
                    progress.notifyAll();
                }
                if (System.nanoTime() - lastPurge > PURGE_EVERY.toNanos()) {
                    lastPurge = System.nanoTime();
                    long oldest = clock.millis() - window.toMillis();
                    claims.values().forEach(byKey -> byKey.values().removeIf(claim -> claim.timestamp() < oldest));
                }
            }
        } catch (WakeupException | InterruptedException e) {
            if (running) {
                LOG.error("{}", KeyValueLine.event("flag_ledger_failed").with("error", e.toString()));
            }
        } catch (RuntimeException e) {
            LOG.error("{}", KeyValueLine.event("flag_ledger_failed").with("error", e.toString()), e);
        } finally {
            running = false;
            synchronized (progress) {
                progress.notifyAll();
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Assigns the partitions of flag topics that exist now and were not assigned yet, reading them from the start. */
    private Set<TopicPartition> assignNewTopics(Set<TopicPartition> assigned) {
        List<TopicPartition> added = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String topic : topics) {
            if (partitions.containsKey(topic)) {
                continue;
            }
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                missing.add(topic);
                continue;
            }
            List<TopicPartition> topicPartitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            partitions.put(topic, topicPartitions);
            claims.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
            added.addAll(topicPartitions);
        }
        if (!missing.isEmpty()) {
            LOG.warn("{}", KeyValueLine.event("flag_topics_missing").with("topics", String.join(",", missing))
                    .with("hint", "run `lurewatch topics create`; flags of these partners get 503 until then"));
        }
        if (added.isEmpty()) {
            return assigned;
        }
        Set<TopicPartition> all = new HashSet<>(assigned);
        all.addAll(added);
        consumer.assign(all);
        consumer.seekToBeginning(added);
        return all;
    }

    private void remember(ConsumerRecord<byte[], byte[]> record) {
        String postKey = postKey(record.value());
        if (postKey == null) {
            return;
        }
        claims.computeIfAbsent(record.topic(), t -> new ConcurrentHashMap<>())
                .putIfAbsent(postKey, new Claim(record.partition(), record.offset(), record.timestamp()));
    }

    /** {@code source:id} as ingest keys the post (source in lower case); null for a record ingest would refuse. */
    static String postKey(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode envelope = Json.mapper().readTree(value);
            if (envelope == null || !envelope.path("source").isTextual() || !envelope.path("id").isTextual()) {
                return null;
            }
            return envelope.get("source").asText().toLowerCase(Locale.ROOT) + ":" + envelope.get("id").asText();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        synchronized (progress) {
            progress.notifyAll();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
