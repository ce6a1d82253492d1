package org.lurewatch.kafka;

/**
 * A running Kafka broker that Lurewatch can talk to. Closing it stops the broker and releases what it
 * holds (ports, processes, temporary data).
 */
public interface KafkaBroker extends AutoCloseable {

    /** The {@code bootstrap.servers} value that clients use, for example {@code localhost:40123}. */
    String bootstrapServers();

    /**
     * The Kafka client settings of the operator, who may do anything: the SASL login of a broker that authenticates
     * every client and enforces ACLs, nothing for a PLAINTEXT broker without ACLs.
     */
    default java.util.Map<String, String> adminClientSettings() {
        return java.util.Map.of();
    }

    /** Stops the broker. Never throws a checked exception, so try-with-resources stays simple. */
    @Override
    void close();
}
