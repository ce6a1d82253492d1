package org.lurewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimeIndexTest {
    private static final long HOUR = 3_600_000L;
    private KeyValueStore<String, Long> store;
    private TimeIndex index;

    @BeforeEach
    void setUp() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("index"), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        index = new TimeIndex(store, HOUR);
    }

    @Test
    void shouldOfferOnlyTheKeysWhoseHourHasStartedEarliestFirst() {
        index.move("late", null, 5 * HOUR);
        index.move("early", null, HOUR + 10);
        index.move("now", null, 3 * HOUR + 5);

        assertThat(index.candidates(3 * HOUR)).extracting(kv -> kv.key).containsExactly("early", "now");
        assertThat(index.candidates(0)).isEmpty();
    }

    @Test
    void shouldWriteTheIndexOnlyWhenAKeyMovesToAnotherHour() {
        index.move("hot", null, HOUR);
        index.move("hot", HOUR, HOUR + 60_000);
        index.move("hot", HOUR + 60_000, HOUR + 120_000);
        assertThat(entries()).as("still the first entry, written once").containsExactly(KeyValue.pair(key(1, "hot"), HOUR));

        index.move("hot", HOUR + 120_000, 2 * HOUR + 1);
        assertThat(entries()).containsExactly(KeyValue.pair(key(2, "hot"), 2 * HOUR + 1));

        index.move("hot", 2 * HOUR + 1, null);
        assertThat(entries()).isEmpty();
    }

    @Test
    void shouldSetAKeyItMayNotHaveIndexedBefore() {
        TimeIndex exact = new TimeIndex(store, 1);
        exact.set("absorbed", 70L, 70L);

        assertThat(exact.candidates(70)).extracting(kv -> kv.key).containsExactly("absorbed");
    }

    private static String key(long hour, String key) {
        return String.format("%019d|%s", hour, key);
    }

    private java.util.List<KeyValue<String, Long>> entries() {
        java.util.List<KeyValue<String, Long>> all = new java.util.ArrayList<>();
        try (KeyValueIterator<String, Long> it = store.all()) {
            it.forEachRemaining(all::add);
        }
        return all;
    }
}
