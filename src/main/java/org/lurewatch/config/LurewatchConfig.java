package org.lurewatch.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The typed, validated, immutable configuration. Build it with {@link ConfigLoader}; the precedence is
 * defaults &lt; properties file &lt; {@code LUREWATCH_*} environment &lt; command-line flags.
 *
 * @param http           the HTTP server's settings beyond {@code httpPort}
 * @param access         where credentials live and how logins and sessions are limited
 * @param partner        the flag API's and the signal feed's limits ({@code partner.*})
 * @param webhooks       webhook delivery: in flight, retries, timeouts ({@code webhooks.*})
 * @param kafkaOverrides any {@code kafka.*} keys, passed to Kafka Streams without the prefix
 *                       (for example {@code kafka.security.protocol})
 */
public record LurewatchConfig(
        Optional<String> bootstrapServers,
        String applicationId,
        String processingGuarantee,
        int streamThreads,
        int commitIntervalMs,
        Optional<Path> stateDir,
        short topicReplicationFactor,
        Optional<Path> routesFile,
        Optional<Path> modelPath,
        Optional<Path> lexiconDir,
        int httpPort,
        int maxTextChars,
        Duration alertUpdateWindow,
        String logLevel,
        HttpConfig http,
        AccessConfig access,
        PartnerConfig partner,
        WebhookConfig webhooks,
        Map<String, String> kafkaOverrides) {

    public LurewatchConfig {
        java.util.Objects.requireNonNull(http, "http");
        java.util.Objects.requireNonNull(access, "access");
        java.util.Objects.requireNonNull(partner, "partner");
        java.util.Objects.requireNonNull(webhooks, "webhooks");
        kafkaOverrides = Map.copyOf(kafkaOverrides);
    }

    /** The defaults alone, as the embedded demo and the tests use them. */
    public static LurewatchConfig defaults() {
        return ConfigLoader.load(Optional.empty(), Map.of(), Map.of());
    }

    /** The same settings under another application id, for side-by-side runs on one cluster (the benchmark). */
    public LurewatchConfig withApplicationId(String id) {
        return new LurewatchConfig(bootstrapServers, id, processingGuarantee, streamThreads, commitIntervalMs, stateDir,
                topicReplicationFactor, routesFile, modelPath, lexiconDir, httpPort, maxTextChars, alertUpdateWindow,
                logLevel, http, access, partner, webhooks, kafkaOverrides);
    }
}
