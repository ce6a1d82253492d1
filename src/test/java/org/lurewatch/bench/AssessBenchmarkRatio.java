package org.lurewatch.bench;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link AssessBenchmark} (the assess step and its two references, one after the other in one JVM run) and
 * prints posts/s and the ratios to the references: the figures to compare across machines and commits.
 * Any JMH option may be given ({@code -f 1 -wi 2 -i 3}).
 */
public final class AssessBenchmarkRatio {
    private AssessBenchmarkRatio() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(java.util.regex.Pattern.quote(AssessBenchmark.class.getName() + ".")).build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> perSecond = new TreeMap<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            perSecond.put(label.substring(label.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        double assess = perSecond.getOrDefault("assess", Double.NaN);
        System.out.println();
        perSecond.forEach((name, score) -> System.out.printf("%-22s %,12.0f posts/s%n", name, score));
        System.out.printf("assess / envelope read   %.3f%n", assess / perSecond.getOrDefault("referenceEnvelope", Double.NaN));
        System.out.printf("assess / categorizer     %.3f%n", assess / perSecond.getOrDefault("referenceCategorizer", Double.NaN));
        System.out.printf("assess / JSON parse      %.3f%n", assess / perSecond.getOrDefault("referenceJson", Double.NaN));
    }
}
