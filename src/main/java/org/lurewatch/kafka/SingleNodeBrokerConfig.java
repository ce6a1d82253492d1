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
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings of a one-broker KRaft cluster, in one of two layouts:
 * <ul>
 *   <li><b>combined</b>: one node that is both controller and broker ({@link EmbeddedKafkaBroker});</li>
 *   <li><b>split</b>: a controller node and a broker node ({@link ChildProcessKafkaBroker}), so the broker
 *       can crash while the controller, as in a real cluster, lives on.</li>
 * </ul>
 * Both layouts share the broker settings below, so a test that passes on one passes on the other.
 *
 * @param dataDir        the cluster's directory: {@code kafka-logs} for the broker, {@code controller-logs}
 *                       for a split controller
 * @param brokerPort     the PLAINTEXT port clients connect to
 * @param controllerPort the CONTROLLER port of the single-voter quorum
 * @param overrides      broker properties that replace or add to the defaults below
 * @param security       SASL on every listener and the ACL authorizer; empty for PLAINTEXT without ACLs
 */
record SingleNodeBrokerConfig(Path dataDir, int brokerPort, int controllerPort, Map<String, String> overrides,
                              Optional<BrokerSecurity> security) {

    static final int BROKER_ID = 1;
    /** The controller's id in the split layout; far from the broker's, as Kafka's own test kit does. */
    static final int CONTROLLER_ID = 3000;

    private static final Logger LOG = LoggerFactory.getLogger(SingleNodeBrokerConfig.class);
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    SingleNodeBrokerConfig {
        overrides = Map.copyOf(overrides);
        java.util.Objects.requireNonNull(security, "security");
    }

    /** A config on two ports that were free a moment ago (the OS may hand them out again, rarely). */
    static SingleNodeBrokerConfig onFreePorts(Path dataDir, Map<String, String> overrides, Optional<BrokerSecurity> security) {
        return new SingleNodeBrokerConfig(dataDir, freePort(), freePort(), overrides, security);
    }

    /** The client listener's name and protocol: SASL_SSL or SASL_PLAINTEXT when secured, else PLAINTEXT. */
    private String listener() {
        return security.map(BrokerSecurity::listener).orElse("PLAINTEXT");
    }

    private String controllerProtocol() {
        return security.isPresent() ? "SASL_PLAINTEXT" : "PLAINTEXT";
    }

    /** Settings every client of this broker needs to connect: the operator's login when secured, else none. */
    Map<String, String> adminClientSettings() {
        return security.map(BrokerSecurity::adminClientSettings).orElse(Map.of());
    }

    /** The broker's log directory (and, combined, the controller's metadata log too). */
    Path logDir() {
        return dataDir.resolve("kafka-logs");
    }

    /** The split controller's metadata log directory. */
    Path controllerLogDir() {
        return dataDir.resolve("controller-logs");
    }

    String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    String bootstrapControllers() {
        return "localhost:" + controllerPort;
    }

    /** One node, controller and broker at once. */
    Properties combinedProperties() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", String.valueOf(BROKER_ID));
        settings.put("controller.quorum.voters", BROKER_ID + "@" + bootstrapControllers());
        settings.put("listeners", listener() + "://localhost:" + brokerPort + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        settings.put("log.dirs", logDir().toAbsolutePath().toString());
        return withBrokerSettings(settings);
    }

    /** The broker node of the split layout. */
    Properties brokerProperties() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker");
        settings.put("node.id", String.valueOf(BROKER_ID));
        settings.put("controller.quorum.voters", CONTROLLER_ID + "@" + bootstrapControllers());
        settings.put("listeners", listener() + "://localhost:" + brokerPort);
        settings.put("log.dirs", logDir().toAbsolutePath().toString());
        return withBrokerSettings(settings);
    }

    /** The controller node of the split layout. The overrides are for the broker and do not apply here. */
    Properties controllerProperties() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "controller");
        settings.put("node.id", String.valueOf(CONTROLLER_ID));
        settings.put("controller.quorum.voters", CONTROLLER_ID + "@" + bootstrapControllers());
        settings.put("listeners", CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        settings.put("listener.security.protocol.map", CONTROLLER_LISTENER + ":" + controllerProtocol());
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        settings.put("log.dirs", controllerLogDir().toAbsolutePath().toString());
        settings.putAll(sessionSettings());
        security.ifPresent(secured -> settings.putAll(secured.controllerSettings()));
        return toProperties(settings);
    }

    private Properties withBrokerSettings(Map<String, String> settings) {
        settings.put("advertised.listeners", listener() + "://localhost:" + brokerPort);
        settings.put("listener.security.protocol.map", listener() + ":" + listener() + "," + CONTROLLER_LISTENER + ":"
                + controllerProtocol());
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        settings.put("inter.broker.listener.name", listener());
        // One broker: every internal topic must fit on it, or exactly_once_v2 and consumer groups stall.
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
        // The log cleaner allocates this buffer up front (128 MiB by default): too much for an embedded node.
        settings.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        settings.putAll(sessionSettings());
        security.ifPresent(secured -> settings.putAll(secured.brokerSettings()));
        settings.putAll(overrides);
        return toProperties(settings);
    }

    /**
     * After a crash the controller must expire the dead broker's session before a new one can register;
     * a short session makes a restart take seconds instead of the default nine.
     */
    private static Map<String, String> sessionSettings() {
        return Map.of("broker.session.timeout.ms", "2000", "broker.heartbeat.interval.ms", "500");
    }

    private static Properties toProperties(Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }

    /** Formats the combined node's storage unless an earlier run did (a restart keeps the data). */
    void formatCombined() {
        if (isFormatted(logDir())) {
            return;
        }
        format(BROKER_ID, logDir(), Uuid.randomUuid().toString());
    }

    /** Formats the split controller's and broker's storage with one cluster id, unless an earlier run did. */
    void formatSplit() {
        boolean controller = isFormatted(controllerLogDir());
        boolean broker = isFormatted(logDir());
        if (controller && broker) {
            return;
        }
        if (controller || broker) {
            throw new KafkaBrokerException("Kafka data directory " + dataDir + " is half formatted ("
                    + (controller ? logDir() : controllerLogDir()) + " has no meta.properties); delete it or use another");
        }
        String clusterId = Uuid.randomUuid().toString();
        format(CONTROLLER_ID, controllerLogDir(), clusterId);
        format(BROKER_ID, logDir(), clusterId);
    }

    private static boolean isFormatted(Path dir) {
        return Files.exists(dir.resolve("meta.properties"));
    }

    private static void format(int nodeId, Path dir, String clusterId) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka log directory " + dir, e);
        }
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(out)
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .addDirectory(dir.toString())
                    .setMetadataLogDirectory(dir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new KafkaBrokerException("cannot format Kafka storage in " + dir + ": " + e.getMessage(), e);
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
