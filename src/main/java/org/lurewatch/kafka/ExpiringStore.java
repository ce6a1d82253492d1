package org.lurewatch.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps a key-value store bounded: called from a stream-time punctuator, it removes what has not been used for
 * the configured time. Keys are collected first and deleted after the scan, so no store iterator sees its own
 * deletes.
 */
public final class ExpiringStore {
    private ExpiringStore() {
    }

    /** Deletes every entry for which {@code expired} holds and returns what was deleted, in key order. */
    public static <V> List<KeyValue<String, V>> removeIf(KeyValueStore<String, V> store, BiPredicate<String, V> expired) {
        List<KeyValue<String, V>> removed = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                if (expired.test(entry.key, entry.value)) {
                    removed.add(entry);
                }
            }
        }
        removed.forEach(entry -> store.delete(entry.key));
        return removed;
    }

    /**
     * Applies {@code trim} to every value: a null result deletes the entry, another instance replaces it, the
     * same instance leaves it alone.
     */
    public static <V> void trim(KeyValueStore<String, V> store, UnaryOperator<V> trim) {
        List<KeyValue<String, V>> changed = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                V kept = trim.apply(entry.value);
                if (kept != entry.value) {
                    changed.add(KeyValue.pair(entry.key, kept));
                }
            }
        }
        changed.forEach(entry -> {
            if (entry.value == null) {
                store.delete(entry.key);
            } else {
                store.put(entry.key, entry.value);
            }
        });
    }
}
