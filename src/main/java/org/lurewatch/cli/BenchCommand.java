package org.lurewatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lurewatch.app.Scorers;
import org.lurewatch.bench.BenchResult;
import org.lurewatch.bench.PipelineBenchmark;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.EmbeddedKafkaBroker;
import org.lurewatch.kafka.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure, in one run on an embedded broker, the full pipeline's throughput next to a "
                + "passthrough topology's (same posts, partitions and guarantee) and their ratio, then post-to-alert "
                + "latency p50/p99 at a fixed rate. Writes the results as JSON.",
                "Takes a few minutes; not part of the test suite."})
final class BenchCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--posts", defaultValue = "20000", description = "Posts per throughput run (default ${DEFAULT-VALUE}).")
    int posts;

    @Option(names = "--post-bytes", defaultValue = "1000", description = "Approximate size of each post (default ${DEFAULT-VALUE}).")
    int postBytes;

    @Option(names = "--partitions", defaultValue = "2", description = "Partitions of every topic (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--rounds", defaultValue = "3", description = "Side-by-side rounds; medians are reported (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--rate", defaultValue = "2000", description = "Posts per second for the latency run (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--latency-seconds", defaultValue = "20", description = "Length of the latency run (default ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--timeout-seconds", defaultValue = "300", description = "Give up on a run after this long (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the JSON (default bench-results/pipeline-<time>.json).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (posts < 2 || rounds < 1 || rate < 1 || latencySeconds < 1 || partitions < 1) {
            throw new UserFacingException("--posts must be at least 2, and --rounds, --rate, --latency-seconds, "
                    + "--partitions at least 1");
        }
        LurewatchConfig config = configOptions.load(Map.of("http.port", "0"));
        Path target = out != null ? out : Path.of("bench-results",
                "pipeline-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        BenchResult result;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            result = new PipelineBenchmark(config, Scorers.fromConfig(config), System.err::println)
                    .run(broker, new PipelineBenchmark.Options(posts, postBytes, partitions, rounds, rate,
                            latencySeconds, Duration.ofSeconds(timeoutSeconds)));
        }
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(target.toFile(), result);
        System.out.printf("guarantee %s, %d posts of ~%d bytes, %d partitions, %d rounds%n", result.guarantee(),
                result.posts(), result.postBytes(), result.partitions(), result.rounds().size());
        System.out.printf("passthrough  %,.0f posts/s (median)%n", result.medianPassthroughPerSecond());
        System.out.printf("pipeline     %,.0f posts/s (median)%n", result.medianPipelinePerSecond());
        System.out.printf("ratio        %.3f (median of per-round ratios)%n", result.medianRatio());
        System.out.printf("latency      p50 %d ms, p99 %d ms, max %d ms over %d alerts at %d posts/s%n",
                result.latency().p50Millis(), result.latency().p99Millis(), result.latency().maxMillis(),
                result.latency().alerts(), result.latency().ratePerSecond());
        System.out.println("wrote " + target);
        return 0;
    }
}
