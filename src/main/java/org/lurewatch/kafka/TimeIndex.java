package org.lurewatch.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * A store's keys indexed by when they fall due (expire, or a held-back alert goes out), so that a sweep visits
 * only what is due instead of scanning the whole store on the stream thread. The index is a store of its own,
 * keyed {@code <bucket>|<key>} (the bucket is the due time divided by the granularity, zero-padded, so string
 * order is time order), valued with the exact due time.
 *
 * <p>A key moves to a new bucket only when its due time crosses into another bucket, so a key touched by every
 * record (a hot campaign, a busy link key) costs an index write about once per granularity, not per record. A
 * sweep reads the buckets up to now; the caller checks each key's real due time in its own store, since a key is
 * due at the earliest at its bucket's start.
 */
public final class TimeIndex {
    private static final int WIDTH = 19;
    private final KeyValueStore<String, Long> index;
    private final long granularityMillis;

    public TimeIndex(KeyValueStore<String, Long> index, long granularityMillis) {
        if (granularityMillis < 1) {
            throw new IllegalArgumentException("granularity must be at least 1 ms");
        }
        this.index = index;
        this.granularityMillis = granularityMillis;
    }

    /** The index store for {@code name}; cached, so moves within a commit interval reach its changelog once. */
    public static StoreBuilder<KeyValueStore<String, Long>> store(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Long())
                .withCachingEnabled();
    }

    /**
     * Records that {@code key}, indexed at {@code previousDue} ({@code null} when it was not indexed), now falls due
     * at {@code due} ({@code null} to remove it).
     */
    public void move(String key, Long previousDue, Long due) {
        if (previousDue != null && (due == null || bucket(previousDue) != bucket(due))) {
            index.delete(indexKey(previousDue, key));
        }
        if (due != null && (previousDue == null || bucket(previousDue) != bucket(due))) {
            index.put(indexKey(due, key), due);
        }
    }

    /**
     * Like {@link #move}, but writes the new entry even when the bucket did not change: for a caller that cannot
     * be sure the key was indexed at {@code previousDue} (it learned of the due time from a record, not from
     * its own earlier move).
     */
    public void set(String key, Long previousDue, Long due) {
        if (previousDue != null && (due == null || bucket(previousDue) != bucket(due))) {
            index.delete(indexKey(previousDue, key));
        }
        if (due != null) {
            index.put(indexKey(due, key), due);
        }
    }

    /**
     * The keys whose bucket has started by {@code now}, earliest first, each with the due time it was first indexed
     * at in that bucket (a hint: the caller's own store has the real one).
     */
    public List<KeyValue<String, Long>> candidates(long now) {
        List<KeyValue<String, Long>> due = new ArrayList<>();
        try (KeyValueIterator<String, Long> range = index.range(pad(0), pad(Math.max(0, bucket(now))) + "}")) {
            while (range.hasNext()) {
                KeyValue<String, Long> entry = range.next();
                due.add(KeyValue.pair(entry.key.substring(WIDTH + 1), entry.value));
            }
        }
        return due;
    }

    private long bucket(long due) {
        return Math.floorDiv(Math.max(0, due), granularityMillis);
    }

    private String indexKey(long due, String key) {
        return pad(bucket(due)) + "|" + key;
    }

    private static String pad(long bucket) {
        String digits = Long.toString(bucket);
        StringBuilder padded = new StringBuilder(WIDTH + 1);
        for (int i = digits.length(); i < WIDTH; i++) {
            padded.append('0');
        }
        return padded.append(digits).toString();
    }
}
