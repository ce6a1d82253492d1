package org.lurewatch.bench;

import java.util.List;
import java.util.Map;

/**
 * What one benchmark run measured; written as JSON. Throughputs are posts per second; every comparison is with a
 * passthrough topology measured in the same run on the same broker, because the machine's own speed varies.
 *
 * @param mix      the workload ({@code realistic} or {@code storm}) and what it is made of
 * @param machine  JVM, cores, heap limit
 * @param settings the Streams settings both topologies ran with
 * @param medianCpuRatio    passthrough CPU per post over pipeline CPU per post (all processes of the run, JIT and GC
 *                          included): less sensitive to other load on the machine than the throughput ratio
 * @param medianThreadRatio the same for the CPU time of the topologies' stream threads alone: what each topology's
 *                          own work costs per post, whatever else the machine runs
 */
public record BenchResult(
        String startedAt,
        Map<String, Object> mix,
        Map<String, Object> machine,
        Map<String, Object> settings,
        int posts,
        int partitions,
        List<Round> rounds,
        double medianPassthroughPerSecond,
        double medianPipelinePerSecond,
        double medianRatio,
        double medianCpuRatio,
        double medianThreadRatio,
        Latency latency) {

    public BenchResult {
        rounds = List.copyOf(rounds);
    }

    /**
     * One side-by-side pair: passthrough then full pipeline, on the same broker and input. The pipeline's time runs
     * from its first scored post until every post is scored and every lure placed in a campaign.
     */
    public record Round(int round, double passthroughPerSecond, double pipelinePerSecond, double ratio,
                        double passthroughCpuMicrosPerPost, double pipelineCpuMicrosPerPost, double cpuRatio,
                        double passthroughThreadMicrosPerPost, double pipelineThreadMicrosPerPost, double threadRatio) {
    }

    /** Post-to-output latency at one fixed input rate, passthrough and pipeline in turn. */
    public record Latency(int ratePerSecond, int seconds, long updateWindowSeconds, Percentiles passthrough,
                          Map<String, Percentiles> pipeline, Heap heap) {
    }

    /** Milliseconds from the input record's timestamp to the output's arrival at a read-committed consumer. */
    public record Percentiles(int count, long p50Millis, long p99Millis, long maxMillis) {
        static Percentiles of(List<Long> values) {
            List<Long> sorted = values.stream().sorted().toList();
            return new Percentiles(sorted.size(), at(sorted, 0.50), at(sorted, 0.99),
                    sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
        }

        private static long at(List<Long> sorted, double quantile) {
            if (sorted.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(quantile * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    /** This JVM's heap during the pipeline's latency run: the most in use, and the most still in use after a GC. */
    public record Heap(long maxMegabytes, long peakUsedMegabytes, long peakAfterGcMegabytes) {
    }
}
