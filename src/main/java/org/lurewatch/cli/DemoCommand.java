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
import org.lurewatch.app.LurewatchRuntime;
import org.lurewatch.app.Scorers;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.demo.DemoSummary;
import org.lurewatch.demo.FeedReplayer;
import org.lurewatch.demo.AlertsPageModule;
import org.lurewatch.demo.OutputWatcher;
import org.lurewatch.demo.RecentAlerts;
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
                "No Docker and no cluster needed. Stop it with Ctrl-C, or use --exit-when-idle."})
final class DemoCommand implements Callable<Integer> {
    static final String SAMPLE_FEED = "/samples/sample-feed.jsonl";

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

    @Override
    public Integer call() throws Exception {
        LurewatchConfig config = configOptions.load(Map.of());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (feed != null && !Files.isReadable(feed)) {
            throw new UserFacingException("feed file " + feed + " does not exist or cannot be read");
        }
        Topics topics = Topics.defaults();
        DemoSummary summary = new DemoSummary();
        RecentAlerts recent = new RecentAlerts(500);
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
                     Scorers.fromConfig(config), PipelineEvents.NONE, web, List.of(context -> new AlertsPageModule(recent)));
             OutputWatcher watcher = new OutputWatcher(broker.bootstrapServers(), topics, summary)) {
            err.printf(Locale.ROOT, "Broker %s; topics: %s%n", broker.bootstrapServers(), runtime.topicReport().render().strip());
            err.printf(Locale.ROOT, "Alerts page on %s (this machine only); metrics and health at /metrics, /healthz, /readyz%n",
                    runtime.web().baseUri());
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
                    (topic, event) -> {
                        recent.add(topic, event);
                        printAlert(out, topic, event);
                    }, err::println);
            if (json) {
                out.println(Json.mapper().createObjectNode().set("summary", summary.toJson()).toString());
            } else {
                out.print(summary.render());
            }
            out.flush();
        } finally {
            closed.countDown();
            if (hook != null) {
                removeHook(hook);
            }
        }
        return 0;
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
