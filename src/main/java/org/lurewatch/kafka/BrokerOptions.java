package org.lurewatch.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The options both single-node brokers take (data directory, broker properties, start-up timeout), checked once
 * here; {@link EmbeddedKafkaBroker.Builder} and {@link ChildProcessKafkaBroker.Builder} hold one each.
 */
final class BrokerOptions {
    private Path dataDir;
    private final Map<String, String> brokerProperties = new LinkedHashMap<>();
    private Duration startupTimeout = Duration.ofSeconds(60);
    private BrokerSecurity security;

    void security(BrokerSecurity security) {
        this.security = Objects.requireNonNull(security, "security");
    }

    void dataDir(Path dir) {
        this.dataDir = Objects.requireNonNull(dir, "dataDir");
    }

    void brokerProperty(String key, String value) {
        brokerProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value of " + key));
    }

    void startupTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive, was " + timeout);
        }
        this.startupTimeout = timeout;
    }

    Duration startupTimeout() {
        return startupTimeout;
    }

    /** The supplied data directory, or a new temporary one named with {@code prefix}. */
    DataDirectory directory(String prefix) {
        return dataDir == null ? DataDirectory.createTemporary(prefix) : DataDirectory.supplied(dataDir);
    }

    /** The broker's configuration on free ports in {@code directory}, with the properties set here. */
    SingleNodeBrokerConfig config(DataDirectory directory) {
        return SingleNodeBrokerConfig.onFreePorts(directory.path(), brokerProperties, java.util.Optional.ofNullable(security));
    }
}
