package org.lurewatch.bench;

import java.util.List;

/** What one benchmark run measured; written as JSON. Throughputs are posts per second. */
public record BenchResult(
        String startedAt,
        String java,
        int cores,
        String guarantee,
        int posts,
        int postBytes,
        int partitions,
        List<Round> rounds,
        double medianPassthroughPerSecond,
        double medianPipelinePerSecond,
        double medianRatio,
        Latency latency) {

    public BenchResult {
        rounds = List.copyOf(rounds);
    }

    /** One side-by-side pair: passthrough then full pipeline, on the same broker and input. */
    public record Round(int round, double passthroughPerSecond, double pipelinePerSecond, double ratio) {
    }

    /** Post-to-alert latency at a fixed input rate. */
    public record Latency(int ratePerSecond, int seconds, int postsSent, int alerts, long p50Millis, long p99Millis,
                          long maxMillis) {
    }
}
