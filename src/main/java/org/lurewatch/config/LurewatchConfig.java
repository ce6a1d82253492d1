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
 * @param model          how the instance takes its model: a registry followed without restart, or one fixed model
 * @param cluster        how to reach, authenticate to and join the Kafka cluster
 * @param errors         what to do when stream threads die
 * @param console        the hotline analysts' console
 * @param partner        the flag API's and the signal feed's limits ({@code partner.*})
 * @param webhooks       webhook delivery: in flight, retries, timeouts ({@code webhooks.*})
 * @param topology       state lifetimes and sweep and publish intervals of the topologies
 * @param kafkaOverrides any {@code kafka.*} keys, passed to Kafka Streams without the prefix
 *                       (for example {@code kafka.security.protocol}); never one Lurewatch sets itself (the loader
 *                       refuses those, naming the typed key)
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
        ModelConfig model,
        ClusterConfig cluster,
        ErrorPolicyConfig errors,
        ConsoleConfig console,
        PartnerConfig partner,
        WebhookConfig webhooks,
        TopologyConfig topology,
        Map<String, String> kafkaOverrides) {

    public LurewatchConfig {
        java.util.Objects.requireNonNull(http, "http");
        java.util.Objects.requireNonNull(access, "access");
        java.util.Objects.requireNonNull(model, "model");
        java.util.Objects.requireNonNull(cluster, "cluster");
        java.util.Objects.requireNonNull(errors, "errors");
        java.util.Objects.requireNonNull(console, "console");
        java.util.Objects.requireNonNull(partner, "partner");
        java.util.Objects.requireNonNull(webhooks, "webhooks");
        java.util.Objects.requireNonNull(topology, "topology");
        kafkaOverrides = Map.copyOf(kafkaOverrides);
    }

    /**
     * Settings for every Kafka client this instance or command makes (Streams, Admin, consumers, producers): the
     * SASL login of {@code sasl.username}, then the {@code kafka.*} overrides on top.
     */
    public Map<String, String> kafkaClientSettings() {
        Map<String, String> settings = new java.util.LinkedHashMap<>(cluster.saslClientSettings(kafkaOverrides));
        settings.putAll(kafkaOverrides);
        return Map.copyOf(settings);
    }

    /** The defaults alone, as the embedded demo and the tests use them. */
    public static LurewatchConfig defaults() {
        return ConfigLoader.load(Optional.empty(), Map.of(), Map.of());
    }

    /** The same settings with another state directory ({@code run} picks a durable one when none is set). */
    public LurewatchConfig withStateDir(Path dir) {
        return new LurewatchConfig(bootstrapServers, applicationId, processingGuarantee, streamThreads, commitIntervalMs,
                Optional.of(dir), topicReplicationFactor, routesFile, modelPath, lexiconDir, httpPort, maxTextChars,
                alertUpdateWindow, logLevel, http, access, model, cluster, errors, console, partner, webhooks, topology, kafkaOverrides);
    }

    /** The same settings with another campaign update window (the benchmark times updates in seconds, not hours). */
    public LurewatchConfig withAlertUpdateWindow(Duration window) {
        return new LurewatchConfig(bootstrapServers, applicationId, processingGuarantee, streamThreads, commitIntervalMs,
                stateDir, topicReplicationFactor, routesFile, modelPath, lexiconDir, httpPort, maxTextChars, window,
                logLevel, http, access, model, cluster, errors, console, partner, webhooks, topology, kafkaOverrides);
    }

    /** The same settings under another application id, for side-by-side runs on one cluster (the benchmark). */
    public LurewatchConfig withApplicationId(String id) {
        return new LurewatchConfig(bootstrapServers, id, processingGuarantee, streamThreads, commitIntervalMs, stateDir,
                topicReplicationFactor, routesFile, modelPath, lexiconDir, httpPort, maxTextChars, alertUpdateWindow,
                logLevel, http, access, model, cluster, errors, console, partner, webhooks, topology, kafkaOverrides);
    }
}
