package org.lurewatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.lurewatch.app.Scorers;
import org.lurewatch.bench.BenchPosts;
import org.lurewatch.bench.BenchResult;
import org.lurewatch.bench.PipelineBenchmark;
import org.lurewatch.bench.RealisticMix;
import org.lurewatch.bench.Workload;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.ChildProcessKafkaBroker;
import org.lurewatch.kafka.EmbeddedKafkaBroker;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.KafkaBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure, in one run on one broker, the full pipeline's throughput next to a passthrough "
                + "topology's (same posts, partitions and settings) and their ratio, then post-to-output latency "
                + "p50/p99 at one fixed rate: the passthrough's own, and the pipeline's per kind of alert. Writes the "
                + "results as JSON.",
                "--mix realistic (default) reads the labelled corpus (models/corpus, run from the repository root); "
                        + "--mix storm replays the bundled sample feed glued into ~1 KB posts that all share contacts.",
                "Takes a few minutes; not part of the test suite."})
final class BenchCommand implements Callable<Integer> {
    private static final String LOGGER = "org.slf4j.simpleLogger.log.";

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--mix", defaultValue = "realistic",
            description = "realistic (90% ordinary posts, 8% lures in campaigns of 1-50, 2% distress) or storm "
                    + "(every post a lure of one campaign). Default ${DEFAULT-VALUE}.")
    String mix;

    @Option(names = "--corpus", defaultValue = "models/corpus", paramLabel = "DIR",
            description = "Labelled corpus the realistic mix is drawn from (default ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--seed", defaultValue = "20261206", description = "Seed of the realistic mix (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--posts", defaultValue = "20000", description = "Posts per throughput run (default ${DEFAULT-VALUE}).")
    int posts;

    @Option(names = "--post-bytes", defaultValue = "1000", description = "Size of each storm post (default ${DEFAULT-VALUE}).")
    int postBytes;

    @Option(names = "--partitions", defaultValue = "2", description = "Partitions of every topic (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--rounds", defaultValue = "3", description = "Side-by-side rounds; medians are reported (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--rate", defaultValue = "2000", description = "Posts per second for the latency runs (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--latency-seconds", defaultValue = "20", description = "Length of each latency run (default ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--update-window-seconds", defaultValue = "5",
            description = "Campaign update window during the latency run, so updates happen in it (default ${DEFAULT-VALUE}).")
    long updateWindowSeconds;

    @Option(names = "--broker", defaultValue = "child",
            description = "child: a broker in its own JVM, its log in a file next to the results, and this JVM's heap "
                    + "is the pipeline's alone; embedded: in this JVM. Default ${DEFAULT-VALUE}.")
    String broker;

    @Option(names = "--warmup-seconds", defaultValue = "30",
            description = "Score posts untimed this long first, so the rounds time the pipeline, not the JIT (default ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--timeout-seconds", defaultValue = "300", description = "Give up on a run after this long (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the JSON (default bench-results/pipeline-<mix>-<time>.json).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (posts < 2 || rounds < 1 || rate < 1 || latencySeconds < 1 || partitions < 1 || updateWindowSeconds < 0) {
            throw new UserFacingException("--posts must be at least 2, and --rounds, --rate, --latency-seconds, "
                    + "--partitions at least 1");
        }
        if (!List.of("realistic", "storm").contains(mix) || !List.of("child", "embedded").contains(broker)) {
            throw new UserFacingException("--mix is realistic or storm, --broker child or embedded");
        }
        LurewatchConfig config = configOptions.load(Map.of("http.port", "0"));
        if (configOptions.logLevel == null) {
            quietLogs();
        }
        Workload workload;
        try {
            workload = mix.equals("storm") ? new BenchPosts(postBytes) : RealisticMix.fromCorpus(corpus, posts, seed);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage());
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path target = out != null ? out : Path.of("bench-results", "pipeline-" + mix + "-" + stamp + ".json");
        if (target.toAbsolutePath().getParent() != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
        }
        PipelineBenchmark.Options options = new PipelineBenchmark.Options(posts, partitions, rounds, rate, latencySeconds,
                updateWindowSeconds, Duration.ofSeconds(timeoutSeconds), broker, warmupSeconds);
        BenchResult result;
        try (KafkaBroker kafka = startBroker()) {
            LongSupplier brokerCpu = kafka instanceof ChildProcessKafkaBroker child ? () -> child.pid()
                    .flatMap(pid -> ProcessHandle.of(pid)).flatMap(p -> p.info().totalCpuDuration())
                    .map(Duration::toNanos).orElse(0L) : () -> 0L;
            try {
                result = new PipelineBenchmark(config, Scorers.fromConfig(config), System.err::println, brokerCpu)
                        .run(kafka, workload, options);
            } finally {
                if (kafka instanceof ChildProcessKafkaBroker child) {
                    keepBrokerLog(child, target);
                }
            }
        }
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(target.toFile(), result);
        print(result);
        System.out.println("wrote " + target);
        return 0;
    }

    private KafkaBroker startBroker() {
        if (broker.equals("embedded")) {
            return EmbeddedKafkaBroker.start();
        }
        // Full JIT and room to work: the broker is measured, not a test fixture.
        return ChildProcessKafkaBroker.builder().jvmOptions(List.of("-Xms256m", "-Xmx1g")).start();
    }

    /**
     * The console shows the benchmark's own progress and result; Kafka's and the app's lifecycle lines are not
     * news here (a broker in this JVM logs retriable errors under exactly-once load at ERROR). {@code --log-level}
     * brings them back.
     */
    private static void quietLogs() {
        System.setProperty(LOGGER + "org.apache.kafka", "error");
        // The child broker's controller runs in this JVM: its loggers are the broker's, not the app's.
        for (String brokerSide : List.of("controller", "raft", "server", "metadata", "image", "queue", "storage", "coordinator")) {
            System.setProperty(LOGGER + "org.apache.kafka." + brokerSide, "off");
        }
        System.setProperty(LOGGER + "kafka", "off");
        System.setProperty(LOGGER + "state.change.logger", "off");
        System.setProperty(LOGGER + "org.lurewatch.lifecycle", "warn");
        System.setProperty(LOGGER + "org.lurewatch.app", "warn");
        System.setProperty(LOGGER + "org.lurewatch.kafka", "warn");
    }

    private static void keepBrokerLog(ChildProcessKafkaBroker child, Path target) {
        Path log = target.resolveSibling(target.getFileName().toString().replaceFirst("\\.json$", "") + "-broker.log");
        try {
            Files.copy(child.logFile(), log, StandardCopyOption.REPLACE_EXISTING);
            System.err.println("broker log: " + log);
        } catch (IOException e) {
            System.err.println("broker log not kept: " + e.getMessage());
        }
    }

    private static void print(BenchResult result) {
        System.out.printf("mix %s, %s, %d posts, %d partitions, %d rounds, %s cores, heap max %s MB%n",
                result.mix().get("name"), result.settings().get("processing.guarantee"), result.posts(),
                result.partitions(), result.rounds().size(), result.machine().get("cores"),
                result.machine().get("max_heap_mb"));
        System.out.printf("passthrough  %,.0f posts/s (median)%n", result.medianPassthroughPerSecond());
        System.out.printf("pipeline     %,.0f posts/s (median)%n", result.medianPipelinePerSecond());
        System.out.printf("ratio        %.3f (median of per-round ratios)%n", result.medianRatio());
        System.out.printf("CPU per post, passthrough / pipeline: %.3f for all processes (JIT, GC, broker included), "
                + "%.3f for the stream threads alone (medians)%n", result.medianCpuRatio(), result.medianThreadRatio());
        BenchResult.Latency latency = result.latency();
        System.out.printf("latency at %,d posts/s for %d s (update window %d s), ms from post to read-committed output:%n",
                latency.ratePerSecond(), latency.seconds(), latency.updateWindowSeconds());
        System.out.printf("  %-22s %8s %8s %8s %8s%n", "", "count", "p50", "p99", "max");
        line("passthrough", latency.passthrough());
        latency.pipeline().forEach(BenchCommand::line);
        System.out.printf("heap during the pipeline's latency run: peak %d MB used, %d MB after GC (max %d MB)%n",
                latency.heap().peakUsedMegabytes(), latency.heap().peakAfterGcMegabytes(), latency.heap().maxMegabytes());
    }

    private static void line(String name, BenchResult.Percentiles p) {
        System.out.printf("  %-22s %8d %8d %8d %8d%n", name, p.count(), p.p50Millis(), p.p99Millis(), p.maxMillis());
    }
}
