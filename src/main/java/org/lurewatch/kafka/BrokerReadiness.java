package org.lurewatch.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/**
 * Waits until a broker answers {@code Admin.describeCluster} with at least one live node: the moment
 * clients can use it. Started brokers are not usable before that, whatever their logs say.
 */
final class BrokerReadiness {

    /** How long one describeCluster attempt may take before we check whether to give up. */
    private static final Duration ATTEMPT = Duration.ofMillis(1000);

    private BrokerReadiness() {
    }

    /**
     * @param failure called between attempts; a non-empty result (for example "the process exited with
     *                code 1") ends the wait at once with that reason
     */
    static void await(String bootstrapServers, Map<String, String> clientSettings, Duration timeout,
                      Supplier<Optional<String>> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastError = null;
        Map<String, Object> config = new java.util.HashMap<>(clientSettings);
        config.putAll(adminConfig(bootstrapServers));
        try (Admin admin = Admin.create(config)) {
            while (true) {
                Optional<String> failed = failure.get();
                if (failed.isPresent()) {
                    throw new KafkaBrokerException("Kafka broker at " + bootstrapServers + " did not start: " + failed.get());
                }
                long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMs <= 0) {
                    break;
                }
                int attemptMs = (int) Math.min(remainingMs, ATTEMPT.toMillis());
                try {
                    Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(attemptMs))
                            .nodes().get(attemptMs + 500L, TimeUnit.MILLISECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // Not up yet (connection refused, timeout, broker still registering): try again.
                    lastError = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KafkaBrokerException("interrupted while waiting for Kafka broker at " + bootstrapServers, e);
                }
            }
        }
        String cause = lastError == null ? "" : " (last error: " + rootMessage(lastError) + ")";
        throw new KafkaBrokerException("Kafka broker at " + bootstrapServers + " did not answer describeCluster within "
                + timeout.toMillis() + " ms" + cause + failure.get().map(f -> "; " + f).orElse(""), lastError);
    }

    private static Map<String, Object> adminConfig(String bootstrapServers) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "lurewatch-readiness",
                // Probe often: the broker is usually up within a few seconds.
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 200);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
