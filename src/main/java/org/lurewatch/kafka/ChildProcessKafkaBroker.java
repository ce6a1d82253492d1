package org.lurewatch.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka broker in a child JVM ({@code java -cp <our classpath> kafka.Kafka server.properties}), so that
 * a test can kill it with SIGKILL and start it again on the same data directory and ports, as a real
 * crash would. Its KRaft controller runs in this JVM and lives through the crash, as the controllers of
 * a real cluster do.
 *
 * <p>Why not one combined controller+broker node as {@link EmbeddedKafkaBroker} is: a restarted broker
 * first acts on the metadata it finds, in which its dead predecessor is still registered and leads every
 * partition; moments later the controller fences that old session and leadership moves. A transaction
 * whose commit markers were not yet written when the broker died can lose them in that hand-over
 * (Kafka 4.3.1 logs "Couldn't find leader endpoint ... can be skipped" and completes the transaction
 * anyway), and its partitions then block read_committed consumers for good. Measured on this project's
 * machine, committing and killing at once: combined node, 2 of 5 restarts stuck; split layout restarted
 * at once, 1 of 6; split layout with {@link #restart()} first waiting until the live controller has
 * fenced the dead broker, 0 of 16. A combined node cannot wait like that: its controller dies with it.
 *
 * <p>The child's output goes to {@link #logFile()} in the data directory; the file is appended to across
 * restarts, so a crash and the recovery after it are in one place. The child is killed if this JVM
 * exits normally; if this JVM itself is killed with SIGKILL the child outlives it.
 */
public final class ChildProcessKafkaBroker implements KafkaBroker {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcessKafkaBroker.class);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 40;
    private static final Duration PORT_PROBE_INTERVAL = Duration.ofMillis(100);
    private static final Duration SESSION_MARGIN = Duration.ofSeconds(2);

    private final SingleNodeBrokerConfig config;
    private final DataDirectory dataDirectory;
    private final InProcessNode controller;
    private final ControllerView controllerView = new ControllerView();
    private final boolean controllerMetricsAreOurs;
    private final List<String> command;
    private final Duration startupTimeout;
    /** Kills the child if this JVM exits while the broker is open. */
    private final Thread exitHook;
    private volatile Process process;
    private boolean closed;

    private ChildProcessKafkaBroker(SingleNodeBrokerConfig config, DataDirectory dataDirectory, InProcessNode controller,
                                    boolean controllerMetricsAreOurs, List<String> command, Duration startupTimeout) {
        this.config = config;
        this.dataDirectory = dataDirectory;
        this.controller = controller;
        this.controllerMetricsAreOurs = controllerMetricsAreOurs;
        this.command = List.copyOf(command);
        this.startupTimeout = startupTimeout;
        this.exitHook = new Thread(this::killQuietly, "kill-kafka-child-" + config.brokerPort());
    }

    /** Starts a child-JVM broker on free ports with a fresh temporary data directory, deleted on close. */
    public static ChildProcessKafkaBroker start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    public Path dataDir() {
        return dataDirectory.path();
    }

    /** Everything the child JVM printed, across restarts. Read it when a broker misbehaves. */
    public Path logFile() {
        return dataDirectory.path().resolve("broker.log");
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The child's process id, or empty while it is not running. */
    public synchronized Optional<Long> pid() {
        return isAlive() ? Optional.of(process.pid()) : Optional.empty();
    }

    /** Kills the child with SIGKILL, as a crash would, and waits until it is gone. The data stays. */
    public synchronized void kill() {
        requireOpen();
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(30));
        LOG.info("Kafka child broker at {} killed (SIGKILL)", bootstrapServers());
    }

    /** Stops the child with SIGTERM (Kafka's controlled shutdown) and waits; SIGKILL if it takes too long. */
    public synchronized void stop() {
        requireOpen();
        stopGracefully();
    }

    /**
     * Starts the broker again on the same data directory and ports and waits until it answers. A running
     * broker is stopped gracefully first; after {@link #kill()} this is crash recovery.
     */
    public synchronized void restart() {
        requireOpen();
        if (isAlive()) {
            stopGracefully();
        }
        awaitOldSessionFenced();
        launchAndAwait();
    }

    /**
     * A crashed broker stays registered until its session expires; a new process started before that
     * would act on the dead one's leadership (see the class comment), so wait for the controller to fence it.
     */
    private void awaitOldSessionFenced() {
        if (controllerMetricsAreOurs && controllerView.awaitNoActiveBroker(startupTimeout)) {
            return;
        }
        // Another in-process controller took or removed the JMX metrics (Kafka keeps one set per JVM):
        // wait out the session instead, with room to spare. The new JVM's boot adds another second.
        Duration session = Duration.ofMillis(Long.parseLong(config.controllerProperties().getProperty("broker.session.timeout.ms")));
        LOG.info("Waiting {} ms for the crashed broker's session to expire (another Kafka controller in this JVM "
                + "shares the controller metrics)", session.plus(SESSION_MARGIN).toMillis());
        try {
            Thread.sleep(session.plus(SESSION_MARGIN).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaBrokerException("interrupted while waiting for the crashed broker's session to expire", e);
        }
    }

    /** Stops the child and deletes the data directory if it was temporary. Calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (dataDirectory.temporary()) {
            // The data is about to be deleted: no need to wait for a controlled shutdown.
            killQuietly();
        } else {
            stopGracefully();
        }
        removeExitHook();
        controller.close();
        try {
            dataDirectory.deleteIfTemporary();
        } catch (RuntimeException e) {
            LOG.warn("Kafka child broker stopped but its data directory remains: {}", e.getMessage());
        }
    }

    private void launchAndAwait() {
        long startNanos = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDirectory.path().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        Process started;
        try {
            appendToLog("---- Lurewatch: starting kafka.Kafka on " + bootstrapServers() + " ----");
            started = builder.start();
        } catch (IOException e) {
            throw new KafkaBrokerException("cannot start Kafka child JVM with " + command.get(0) + ": " + e.getMessage(), e);
        }
        process = started;
        try {
            long deadline = startNanos + startupTimeout.toNanos();
            awaitPortOpen(started, deadline);
            Duration remaining = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000_000L));
            BrokerReadiness.await(bootstrapServers(), remaining, () -> started.isAlive()
                    ? Optional.empty()
                    : Optional.of("the child JVM exited with code " + started.exitValue()));
        } catch (KafkaBrokerException e) {
            started.destroyForcibly();
            awaitExit(started, Duration.ofSeconds(30));
            throw new KafkaBrokerException(e.getMessage() + "; last lines of " + logFile() + ":\n" + logTail(), e);
        }
        LOG.info("Kafka child broker (pid {}) ready at {} in {} ms (log in {})", started.pid(), bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - startNanos).toMillis(), logFile());
    }

    /**
     * Waits until the child listens on its port before asking Kafka's Admin client, which would log a
     * warning for every refused connection while the JVM boots.
     */
    private void awaitPortOpen(Process started, long deadlineNanos) {
        while (started.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.brokerPort()), 500);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadlineNanos) {
                    throw new KafkaBrokerException("Kafka child broker did not listen on " + bootstrapServers()
                            + " within " + startupTimeout.toMillis() + " ms");
                }
                // Waiting on the process, not sleeping: the wait ends early if the child dies.
                awaitExit(started, PORT_PROBE_INTERVAL);
            }
        }
        // The child died: BrokerReadiness.await reports its exit code.
    }

    private void stopGracefully() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(process, GRACEFUL_STOP)) {
            LOG.warn("Kafka child broker at {} ignored SIGTERM for {} s; killing it", bootstrapServers(),
                    GRACEFUL_STOP.toSeconds());
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(30));
        }
    }

    private void killQuietly() {
        Process current = process;
        if (current != null) {
            current.destroyForcibly();
            awaitExit(current, Duration.ofSeconds(30));
        }
    }

    private static boolean awaitExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void removeExitHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and the hook is running or has run: nothing to remove.
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("Kafka child broker at " + bootstrapServers() + " is closed");
        }
    }

    private void appendToLog(String line) throws IOException {
        try (OutputStream out = Files.newOutputStream(logFile(), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write((line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + logFile() + ": " + e.getMessage() + ")";
        }
    }

    /** Options for {@link ChildProcessKafkaBroker}; {@link #start()} starts it and waits until it answers. */
    public static final class Builder {
        private final BrokerOptions options = new BrokerOptions();
        private String classpath = absolute(System.getProperty("java.class.path"));
        // Small heap and a quick JIT: a test broker holds little and should start fast.
        private List<String> jvmOptions = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

        private Builder() {
        }

        /**
         * Keeps the broker's and controller's data in this directory instead of a temporary one; it is
         * kept on close, and a directory from an earlier run is reused with its data.
         */
        public Builder dataDir(Path dir) {
            options.dataDir(dir);
            return this;
        }

        /** Sets one property of the broker process. Its controller keeps Lurewatch's fixed settings. */
        public Builder brokerProperty(String key, String value) {
            options.brokerProperty(key, value);
            return this;
        }

        public Builder brokerProperties(Map<String, String> properties) {
            properties.forEach(this::brokerProperty);
            return this;
        }

        /** How long each start and restart may take before failing. Default 60 s. */
        public Builder startupTimeout(Duration timeout) {
            options.startupTimeout(timeout);
            return this;
        }

        /** The child's classpath; it must hold the Kafka broker jars. Default: this JVM's classpath. */
        public Builder classpath(String classpath) {
            this.classpath = Objects.requireNonNull(classpath, "classpath");
            return this;
        }

        /** Options for the child JVM, replacing the defaults (a 512 MiB heap, serial GC, C1 only). */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        public ChildProcessKafkaBroker start() {
            DataDirectory directory = options.directory("lurewatch-kafka-child-");
            SingleNodeBrokerConfig config = options.config(directory);
            InProcessNode controller = null;
            ChildProcessKafkaBroker broker;
            try {
                config.formatSplit();
                Path serverProperties = writeServerProperties(config);
                boolean metricsTaken = new ControllerView().metricsTakenBeforeStart();
                controller = InProcessNode.start(config.controllerProperties(), "Kafka controller on "
                        + config.bootstrapControllers() + " for a child-JVM broker");
                broker = new ChildProcessKafkaBroker(config, directory, controller, !metricsTaken, command(serverProperties),
                        options.startupTimeout());
            } catch (RuntimeException e) {
                if (controller != null) {
                    controller.close();
                }
                directory.deleteIfTemporary();
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(broker.exitHook);
            try {
                broker.launchAndAwait();
            } catch (RuntimeException e) {
                // Keep the directory of a failed start when it is the caller's; a temporary one goes with close().
                broker.close();
                throw e;
            }
            return broker;
        }

        /** The child runs in its data directory, so a relative entry ({@code java -jar target/x.jar}) must be resolved here. */
        private static String absolute(String classpath) {
            return java.util.Arrays.stream(classpath.split(java.io.File.pathSeparator))
                    .map(entry -> entry.isEmpty() ? entry : Path.of(entry).toAbsolutePath().toString())
                    .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        }

        private List<String> command(Path serverProperties) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // The log file is for finding out why a broker crashed or stalled: INFO with timestamps, whatever
            // simplelogger.properties the caller's classpath holds (system properties take precedence).
            command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
            command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
            command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(classpath);
            command.add("kafka.Kafka");
            command.add(serverProperties.toString());
            return command;
        }

        private static Path writeServerProperties(SingleNodeBrokerConfig config) {
            Path file = config.dataDir().resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                config.brokerProperties().store(out, "Generated by Lurewatch for a child-JVM Kafka broker");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            return file;
        }
    }
}
