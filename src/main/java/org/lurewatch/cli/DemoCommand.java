package org.lurewatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.access.AccessException;
import org.lurewatch.access.NewPassword;
import org.lurewatch.app.LurewatchRuntime;
import org.lurewatch.app.Scorers;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.console.ConsoleModule;
import org.lurewatch.demo.DemoSummary;
import org.lurewatch.demo.FeedReplayer;
import org.lurewatch.demo.OutputWatcher;
import org.lurewatch.kafka.EmbeddedKafkaBroker;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.LifecycleLog;
import org.lurewatch.ops.PipelineEvents;
import org.lurewatch.web.WebServer;
import org.lurewatch.web.WebSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start an embedded Kafka broker, create the topics, run every topology, replay a feed and "
                + "print each alert as it arrives, then a summary.",
                "No Docker and no cluster needed. Stop it with Ctrl-C, or use --exit-when-idle.",
                "The console for hotline analysts answers on 127.0.0.1 only; the demo makes an analyst account and prints "
                        + "a one-time password for it."})
final class DemoCommand implements Callable<Integer> {
    static final String SAMPLE_FEED = "/samples/sample-feed.jsonl";
    static final String DEMO_ANALYST = "demo";
    private static final String DEFAULT_ACCESS_DIR = "access";

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--feed", paramLabel = "FILE.jsonl",
            description = "JSON lines of the input envelope to replay (default: the bundled sample feed).")
    Path feed;

    @Option(names = "--json", description = "One JSON line per alert, {\"destination\": topic, \"event\": CloudEvent}, "
            + "and the summary as a last line {\"summary\": {...}}.")
    boolean json;

    @Option(names = "--exit-when-idle", paramLabel = "SECONDS",
            description = "Stop once no record has arrived for this long (default: run until Ctrl-C).")
    Integer exitWhenIdle;

    @Option(names = "--analyst-hotline", paramLabel = "HOTLINE", defaultValue = "indonesia",
            description = "Hotline of the demo analyst account (default: ${DEFAULT-VALUE}); the routes name the hotlines.")
    String analystHotline;

    @Override
    public Integer call() throws Exception {
        LurewatchConfig config = configOptions.load(Map.of());
        Map<String, String> demoSettings = new java.util.LinkedHashMap<>();
        if (config.access().dir().equals(java.nio.file.Path.of(DEFAULT_ACCESS_DIR))) {
            // The demo's account lives in a directory of its own, gone with the demo, unless access.dir is set.
            java.nio.file.Path demoAccess = Files.createTempDirectory("lurewatch-demo-access");
            demoAccess.toFile().deleteOnExit();
            demoSettings.put("access.dir", demoAccess.resolve("access").toString());
        }
        Path demoRegistry = null;
        if (config.model().registryDir().isEmpty()) {
            // A model registry of its own, seeded with the configured (or bundled) model at start, so a model trained
            // during the demo can be promoted into it and taken without a restart; removed when the demo ends.
            demoRegistry = Files.createTempDirectory("lurewatch-demo-models");
            demoSettings.put("model.registry.dir", demoRegistry.toString());
        }
        if (!demoSettings.isEmpty()) {
            config = configOptions.load(demoSettings);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (feed != null && !Files.isReadable(feed)) {
            throw new UserFacingException("feed file " + feed + " does not exist or cannot be read");
        }
        Topics topics = Topics.defaults();
        DemoSummary summary = new DemoSummary();
        // The port first: a taken one is known before the broker starts (the demo then takes a free one).
        WebServer web = WebServer.bind(WebSettings.forDemo(config), LifecycleLog.create());
        if (web.fellBack()) {
            err.printf(Locale.ROOT, "Port %d is in use; the demo serves on %s instead.%n", web.requestedPort(), web.baseUri());
        }
        err.println("Starting an embedded Kafka broker ...");
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = null;
        try (WebServer ownedUntilRuntimeStarts = web;
             EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             LurewatchRuntime runtime = LurewatchRuntime.start(config, broker.bootstrapServers(),
                     Scorers.fromConfig(config), PipelineEvents.NONE, web, List.of(ConsoleModule.factory()));
             OutputWatcher watcher = new OutputWatcher(broker.bootstrapServers(), topics, summary)) {
            err.printf(Locale.ROOT, "Broker %s; topics: %s%n", broker.bootstrapServers(), runtime.topicReport().render().strip());
            Path registry = config.model().registryDir().orElseThrow();
            err.printf(Locale.ROOT, "Model registry %s (live %s); 'lurewatch models promote FILE --registry %s' swaps the "
                    + "model within %d s, without a restart%n", registry, org.lurewatch.assess.model.ModelRegistry.at(registry)
                    .live().map(p -> p.getFileName().toString()).orElse("none"), registry,
                    config.model().pollInterval().toSeconds());
            printLogin(err, runtime);
            // Ctrl-C: stop watching, then let this method close the app and the broker in order.
            hook = new Thread(() -> {
                err.println("Stopping ...");
                watcher.stop();
                awaitQuietly(closed);
            }, "lurewatch-demo-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            int sent;
            try (InputStream in = feed == null ? DemoCommand.class.getResourceAsStream(SAMPLE_FEED) : Files.newInputStream(feed)) {
                if (in == null) {
                    throw new IllegalStateException("bundled sample feed " + SAMPLE_FEED + " is missing");
                }
                sent = new FeedReplayer(topics, config.routesFile().map(RoutesLoader::load).orElseGet(RoutesLoader::loadBundled)
                        .partnerIds()).replay(in, broker.bootstrapServers());
            }
            summary.postsIn(sent);
            err.printf(Locale.ROOT, "Replayed %d records from %s; alerts follow as they are committed.%n", sent,
                    feed == null ? "the bundled sample feed" : feed);
            watcher.watch(exitWhenIdle == null ? null : Duration.ofSeconds(exitWhenIdle),
                    () -> runtime.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING,
                    (topic, event) -> printAlert(out, topic, event), err::println);
            if (json) {
                out.println(Json.mapper().createObjectNode().set("summary", summary.toJson()).toString());
            } else {
                out.print(summary.render());
            }
            out.flush();
        } finally {
            if (demoRegistry != null) {
                deleteQuietly(demoRegistry);
            }
            closed.countDown();
            if (hook != null) {
                removeHook(hook);
            }
        }
        return 0;
    }

    /** A demo analyst of {@code --analyst-hotline}, or a new one-time password if it exists (a kept access.dir). */
    private void printLogin(PrintWriter err, LurewatchRuntime runtime) {
        NewPassword login;
        try {
            login = runtime.access().accounts().find(DEMO_ANALYST).isPresent()
                    ? runtime.access().accounts().reset(DEMO_ANALYST)
                    : runtime.access().accounts().add(DEMO_ANALYST, analystHotline);
        } catch (AccessException e) {
            throw new UserFacingException("cannot make the demo analyst account: " + e.getMessage());
        }
        err.printf(Locale.ROOT, "Console on %sconsole/ (this machine only); metrics and health at /metrics, /healthz, /readyz%n",
                runtime.web().baseUri());
        err.printf(Locale.ROOT, "  sign in as %s (hotline %s) with the one-time password %s%n", DEMO_ANALYST,
                login.account().hotline(), new String(login.password()));
        err.println("  (you choose your own password at the first sign-in)");
        login.clear();
        err.flush();
    }

    /** Removes the demo's own model registry; what cannot be removed stays in the temporary directory. */
    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // left behind in the temporary directory
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running; it waits for us
        }
    }

    private void printAlert(PrintWriter out, String topic, JsonNode event) {
        if (json) {
            var line = Json.mapper().createObjectNode();
            line.put("destination", topic);
            line.set("event", event);
            out.println(line);
        } else {
            out.println(AlertLine.render(topic, event));
        }
        out.flush();
    }
}
