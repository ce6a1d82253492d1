package org.lurewatch.kafka;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * The first thing {@code run}, {@code topics create} and {@code acls apply} do: ask the cluster to describe itself,
 * within {@code bootstrap.timeout.seconds}. A cluster that does not answer or refuses the credentials ends the
 * command with one line naming the address, instead of a minute of retries and a stack trace that names nothing.
 */
public final class ClusterCheck {
    private ClusterCheck() {
    }

    /**
     * {@link #await} with {@code timeout} counted from this JVM's start, so that a command's one line comes within
     * {@code bootstrap.timeout.seconds} of the moment it was started (at least one second is always given).
     */
    public static void awaitSinceStart(String bootstrapServers, Map<String, String> clientSettings, Duration timeout) {
        Duration uptime = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        Duration left = timeout.minus(uptime).minusMillis(500);
        await(bootstrapServers, clientSettings, left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left,
                timeout);
    }

    /**
     * @param clientSettings the Kafka client settings in use (security protocol, SASL login, ...)
     * @throws KafkaUnavailableException in at most {@code timeout} (plus a moment to close the client)
     */
    public static void await(String bootstrapServers, Map<String, String> clientSettings, Duration timeout) {
        await(bootstrapServers, clientSettings, timeout, timeout);
    }

    private static void await(String bootstrapServers, Map<String, String> clientSettings, Duration timeout,
                              Duration reported) {
        Map<String, Object> props = new HashMap<>(clientSettings);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "lurewatch-cluster-check");
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        String protocol = String.valueOf(props.getOrDefault("security.protocol", "PLAINTEXT"));
        Admin admin;
        try {
            admin = Admin.create(props);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new KafkaUnavailableException("cannot use Kafka at " + bootstrapServers + ": " + rootMessage(e), e);
        }
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs)).nodes()
                    .get(timeoutMs + 200L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(bootstrapServers, protocol, reported, e.getCause());
        } catch (TimeoutException e) {
            throw failure(bootstrapServers, protocol, reported, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for Kafka at " + bootstrapServers, e);
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    private static KafkaUnavailableException failure(String bootstrapServers, String protocol, Duration timeout,
                                                     Throwable cause) {
        if (cause instanceof SslAuthenticationException) {
            return new KafkaUnavailableException("TLS handshake with Kafka at " + bootstrapServers + " failed: "
                    + rootMessage(cause) + " (check kafka.ssl.truststore.* and the broker's certificate)", cause);
        }
        if (cause instanceof AuthenticationException) {
            return new KafkaUnavailableException("Kafka at " + bootstrapServers + " refused the login: "
                    + rootMessage(cause) + " (check sasl.username, sasl.password.file and sasl.mechanism)", cause);
        }
        String hint = protocol.equals("PLAINTEXT")
                ? "; if its listener needs SASL or TLS, set sasl.username and sasl.password.file or kafka.security.protocol"
                : "";
        return new KafkaUnavailableException("cannot reach Kafka at " + bootstrapServers + " (" + protocol + ") within "
                + timeout.toSeconds() + " s (bootstrap.servers; wait longer with bootstrap.timeout.seconds)" + hint, cause);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replace('\n', ' ');
    }
}
