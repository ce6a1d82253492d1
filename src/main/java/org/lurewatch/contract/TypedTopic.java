package org.lurewatch.contract;

import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A topic as a contract: its name, the serdes of its keys and values, and the JSON Schema (a file under
 * {@code topology/schemas/}) every value written to it validates against, when it has one. Writers and readers take
 * the serdes from here, so a topic cannot be written with one format and read with another.
 *
 * @param schema the schema's file name in {@code topology/schemas/}, or empty for a topic only the app reads
 */
public record TypedTopic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Optional<String> schema) {
    public TypedTopic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        Objects.requireNonNull(schema, "schema");
    }

    /** How a named source node reads this topic. */
    public Consumed<K, V> consumed(String nodeName) {
        return Consumed.with(keySerde, valueSerde).withName(nodeName);
    }

    /** How a named sink node writes this topic. */
    public Produced<K, V> produced(String nodeName) {
        return Produced.with(keySerde, valueSerde).withName(nodeName);
    }
}
