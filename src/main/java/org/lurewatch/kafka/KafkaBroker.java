package org.lurewatch.kafka;

/**
 * A running Kafka broker that Lurewatch can talk to. Closing it stops the broker and releases what it
 * holds (ports, processes, temporary data).
 */
public interface KafkaBroker extends AutoCloseable {

    /** The {@code bootstrap.servers} value that clients use, for example {@code localhost:40123}. */
    String bootstrapServers();

    /** Stops the broker. Never throws a checked exception, so try-with-resources stays simple. */
    @Override
    void close();
}
