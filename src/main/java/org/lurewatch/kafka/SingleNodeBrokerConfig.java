package org.lurewatch.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings of one node that is both KRaft controller and broker. Both broker kinds (in process and
 * child JVM) use this, so a test that passes on one passes on the other.
 *
 * @param dataDir   the node's own directory; Kafka's log directory is {@code dataDir/kafka-logs}
 * @param brokerPort the PLAINTEXT port clients connect to
 * @param controllerPort the CONTROLLER port of the single-voter quorum
 * @param overrides broker properties that replace or add to the defaults below
 */
record SingleNodeBrokerConfig(Path dataDir, int brokerPort, int controllerPort, Map<String, String> overrides) {

    private static final Logger LOG = LoggerFactory.getLogger(SingleNodeBrokerConfig.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    SingleNodeBrokerConfig {
        overrides = Map.copyOf(overrides);
    }

    /** A config on two ports that were free a moment ago (the OS may hand them out again, rarely). */
    static SingleNodeBrokerConfig onFreePorts(Path dataDir, Map<String, String> overrides) {
        return new SingleNodeBrokerConfig(dataDir, freePort(), freePort(), overrides);
    }

    Path logDir() {
        return dataDir.resolve("kafka-logs");
    }

    String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    Properties toProperties() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", String.valueOf(NODE_ID));
        settings.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        settings.put("listeners", "PLAINTEXT://localhost:" + brokerPort + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("log.dirs", logDir().toAbsolutePath().toString());
        // One node: every internal topic must fit on it, or exactly_once_v2 and consumer groups stall.
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("default.replication.factor", "1");
        // Fewer coordinator partitions than the default 50: the first group or transaction starts faster.
        settings.put("offsets.topic.num.partitions", "5");
        settings.put("transaction.state.log.num.partitions", "5");
        settings.put("group.initial.rebalance.delay.ms", "0");
        // After kill -9 the restarted node must wait for its old session to expire; keep that short.
        settings.put("broker.session.timeout.ms", "2000");
        settings.put("broker.heartbeat.interval.ms", "500");
        // The log cleaner allocates this buffer up front (128 MiB by default): too much for an embedded node.
        settings.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        settings.putAll(overrides);

        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }

    /** Formats the metadata log unless the directory was formatted before (a restart keeps the data). */
    void formatStorage() {
        try {
            Files.createDirectories(logDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka log directory " + logDir(), e);
        }
        if (Files.exists(logDir().resolve("meta.properties"))) {
            // Formatted by an earlier run: keep its cluster id and data.
            return;
        }
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(out)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(logDir().toString())
                    .setMetadataLogDirectory(logDir().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new KafkaBrokerException("cannot format Kafka storage in " + logDir() + ": " + e.getMessage(), e);
        }
        LOG.debug("Formatter: {}", formatterOutput.toString(StandardCharsets.UTF_8).strip());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free local port", e);
        }
    }
}
