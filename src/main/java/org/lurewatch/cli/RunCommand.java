package org.lurewatch.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.lurewatch.app.LurewatchRuntime;
import org.lurewatch.app.Scorers;
import org.lurewatch.config.ConfigException;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.ClusterCheck;
import org.lurewatch.console.ConsoleModule;
import org.lurewatch.ops.LifecycleLog;
import org.lurewatch.ops.PipelineEvents;
import org.lurewatch.web.WebServer;
import org.lurewatch.web.WebSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run every topology against a Kafka cluster until stopped (SIGTERM or Ctrl-C).",
                "Scale out by starting more instances with the same application.id: partitions are the unit of "
                        + "parallelism and state is restored from changelogs.",
                "HTTP (console, APIs, /metrics, /healthz, /readyz) listens on http.host (default 0.0.0.0, every "
                        + "interface) and --http-port (default 8080); a taken port stops the start at once."})
final class RunCommand implements Callable<Integer> {
    /** Where {@code run} keeps its state stores unless {@code state.dir} says otherwise: under the working directory. */
    static final Path DEFAULT_STATE_DIR = Path.of("lurewatch-state");

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            description = "Kafka cluster (or set bootstrap.servers in --config, or LUREWATCH_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Override
    public Integer call() throws Exception {
        LurewatchConfig config = configOptions.load(bootstrapServers == null ? Map.of()
                : Map.of("bootstrap.servers", bootstrapServers));
        String servers = config.bootstrapServers().orElseThrow(() -> new ConfigException(
                "'bootstrap.servers' is not set: give --bootstrap-servers, set it in --config, or set "
                        + ConfigLoader.envName("bootstrap.servers") + " (use `lurewatch demo` for the embedded broker)"));
        if (config.stateDir().isEmpty()) {
            // Kafka Streams' own default lives under the OS temp directory, which a reboot may clear: every restart
            // would then rebuild every store from its changelog. run keeps its state where it starts.
            config = config.withStateDir(DEFAULT_STATE_DIR.toAbsolutePath());
        }
        // The port before anything else, so a taken one fails in a second with one line, not after the model and topics.
        WebServer web = WebServer.bind(WebSettings.forRun(config), LifecycleLog.create());
        CountDownLatch stopped = new CountDownLatch(1);
        LurewatchRuntime runtime;
        try {
            // Then the cluster, before the model takes its seconds to load: unreachable is one line within the timeout.
            ClusterCheck.awaitSinceStart(servers, config.kafkaClientSettings(), config.cluster().bootstrapTimeout());
            runtime = LurewatchRuntime.start(config, servers, Scorers.fromConfig(config), PipelineEvents.NONE, web,
                    List.of(ConsoleModule.factory()));
        } catch (RuntimeException e) {
            web.close();
            throw e;
        }
        Thread hook = new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }, "lurewatch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        // Kafka Streams failed for good (the thread failure policy shut it down): close everything and exit non-zero,
        // so that an orchestrator restarts the instance, rather than serve a /readyz that will never be ready.
        runtime.failed().thenRun(stopped::countDown);
        stopped.await();
        if (runtime.failed().isDone()) {
            runtime.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook closes the runtime, which is already closed
            }
            return 1;
        }
        return 0;
    }
}
