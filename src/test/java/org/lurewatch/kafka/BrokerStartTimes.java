package org.lurewatch.kafka;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Measures how long the brokers take to become usable (Admin.describeCluster answers). Not a test: a
 * command-line report, run with the bench profile, which starts a plain JVM on the test classpath:
 *
 * <pre>{@code ./mvnw -Pbench verify -Dbench.main=org.lurewatch.kafka.BrokerStartTimes -Dbench.args=3}</pre>
 *
 * The argument is the number of rounds (default 3). The first round includes JVM warm-up.
 */
public final class BrokerStartTimes {

    private BrokerStartTimes() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        StringBuilder report = new StringBuilder();
        for (int round = 1; round <= rounds; round++) {
            long[] stop = new long[1];
            long start = timed(EmbeddedKafkaBroker::start, broker -> stop[0] = millis(broker::close));
            report.append("round %d: embedded ready in %d ms, closed in %d ms%n".formatted(round, start, stop[0]));
        }
        for (int round = 1; round <= rounds; round++) {
            long[] restart = new long[2];
            long start = timed(ChildProcessKafkaBroker::start, broker -> {
                broker.kill();
                restart[0] = millis(broker::restart);
                restart[1] = millis(broker::restart);
            });
            report.append("round %d: child JVM ready in %d ms, restart after kill -9 %d ms, graceful restart %d ms%n"
                    .formatted(round, start, restart[0], restart[1]));
        }
        System.out.print(report);
    }

    private static <B extends KafkaBroker> long timed(Supplier<B> start, Consumer<B> use) {
        long begin = System.nanoTime();
        B broker = start.get();
        long ready = Duration.ofNanos(System.nanoTime() - begin).toMillis();
        try (broker) {
            use.accept(broker);
        }
        return ready;
    }

    private static long millis(Runnable action) {
        long begin = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - begin).toMillis();
    }
}
