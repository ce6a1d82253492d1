package org.lurewatch.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one node) running inside this JVM,
 * from the Kafka jars on the classpath. It is the embedded default: no Docker and no separate install.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
 *     props.put("bootstrap.servers", broker.bootstrapServers());
 * }
 * }</pre>
 *
 * <p>Kafka halts the JVM on some fatal storage errors; that is Kafka's choice and holds here too.
 */
public final class EmbeddedKafkaBroker implements KafkaBroker {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final SingleNodeBrokerConfig config;
    private final DataDirectory dataDirectory;
    private final InProcessNode node;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaBroker(SingleNodeBrokerConfig config, DataDirectory dataDirectory, InProcessNode node) {
        this.config = config;
        this.dataDirectory = dataDirectory;
        this.node = node;
    }

    /** Starts a broker on free ports with a fresh temporary data directory, deleted on close. */
    public static EmbeddedKafkaBroker start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    @Override
    public Map<String, String> adminClientSettings() {
        return config.adminClientSettings();
    }

    /** The directory holding this broker's data (Kafka's log directory is inside it). */
    public Path dataDir() {
        return dataDirectory.path();
    }

    /** Stops the broker and deletes its data directory if it was temporary. Calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        node.close();
        try {
            dataDirectory.deleteIfTemporary();
        } catch (RuntimeException e) {
            LOG.warn("Kafka broker stopped but its data directory remains: {}", e.getMessage());
        }
        LOG.debug("Embedded Kafka broker at {} stopped", bootstrapServers());
    }

    /** Options for {@link EmbeddedKafkaBroker}; {@link #start()} starts the broker and waits until it answers. */
    public static final class Builder {
        private final BrokerOptions options = new BrokerOptions();

        private Builder() {
        }

        /**
         * Keeps the broker's data in this directory instead of a temporary one. The directory is kept on
         * close, and a directory formatted by an earlier run is reused with its data.
         *
         * <p>After a clean close that is safe. After a crash (the JVM killed while a transaction was being
         * committed) the restarted node can leave that transaction open for good, blocking read_committed
         * readers of its partitions: see {@link ChildProcessKafkaBroker} for the cause. Crash tests belong
         * on that class.
         */
        public Builder dataDir(Path dir) {
            options.dataDir(dir);
            return this;
        }

        /** Sets one broker property ({@code server.properties} key), replacing the embedded default. */
        public Builder brokerProperty(String key, String value) {
            options.brokerProperty(key, value);
            return this;
        }

        public Builder brokerProperties(Map<String, String> properties) {
            properties.forEach(this::brokerProperty);
            return this;
        }

        /**
         * SASL on every listener and ACLs enforced ({@link BrokerSecurity}); clients then need a login, the operator's
         * is {@link #adminClientSettings()}. Default: PLAINTEXT, no ACLs.
         */
        public Builder security(BrokerSecurity security) {
            options.security(security);
            return this;
        }

        /** How long to wait for the broker to answer before failing. Default 60 s. */
        public Builder startupTimeout(Duration timeout) {
            options.startupTimeout(timeout);
            return this;
        }

        public EmbeddedKafkaBroker start() {
            long startNanos = System.nanoTime();
            DataDirectory directory = options.directory("lurewatch-kafka-");
            SingleNodeBrokerConfig config = options.config(directory);
            InProcessNode node = null;
            try {
                config.formatCombined();
                node = InProcessNode.start(config.combinedProperties(), "embedded Kafka broker on " + config.bootstrapServers()
                        + " with data in " + directory.path());
                BrokerReadiness.await(config.bootstrapServers(), config.adminClientSettings(), options.startupTimeout(), Optional::empty);
            } catch (RuntimeException e) {
                if (node != null) {
                    node.close();
                }
                deleteQuietly(directory);
                throw e;
            }
            LOG.info("Embedded Kafka broker ready at {} in {} ms (data in {})", config.bootstrapServers(),
                    Duration.ofNanos(System.nanoTime() - startNanos).toMillis(), directory.path());
            return new EmbeddedKafkaBroker(config, directory, node);
        }

        private static void deleteQuietly(DataDirectory directory) {
            try {
                directory.deleteIfTemporary();
            } catch (RuntimeException e) {
                LOG.warn("{}", e.getMessage());
            }
        }
    }
}
