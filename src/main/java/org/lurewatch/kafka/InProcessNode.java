package org.lurewatch.kafka;

import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One KRaft node (broker, controller or both) running in this JVM, started and stopped as a unit. */
final class InProcessNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessNode.class);

    private final KafkaRaftServer server;
    private final String description;

    private InProcessNode(KafkaRaftServer server, String description) {
        this.server = server;
        this.description = description;
    }

    /**
     * Starts the node; {@code startup()} returns once its listeners accept connections.
     *
     * @param description for messages, for example "embedded Kafka broker on localhost:40123"
     * @throws KafkaBrokerException naming the node and Kafka's reason if the config is wrong or it cannot start
     */
    static InProcessNode start(Properties properties, String description) {
        KafkaRaftServer server;
        try {
            server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        } catch (RuntimeException e) {
            throw new KafkaBrokerException("cannot start " + description + ": " + e.getMessage(), e);
        }
        InProcessNode node = new InProcessNode(server, description);
        try {
            server.startup();
        } catch (RuntimeException e) {
            node.close();
            throw new KafkaBrokerException("cannot start " + description + ": " + e.getMessage(), e);
        }
        return node;
    }

    /** Shuts the node down and waits; a failure is logged, not thrown, so closing goes on. */
    @Override
    public void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("{} did not shut down cleanly", description, e);
        }
    }
}
