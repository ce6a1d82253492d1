package org.lurewatch.web;

import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;
import org.lurewatch.access.Access;
import org.lurewatch.alert.Routes;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.LurewatchMetrics;

/**
 * What a running instance offers the web modules it builds ({@link WebModule.Factory}): the configuration and the
 * cluster, topic names, the routes, the identity services, the Kafka Streams instance (for interactive queries of state stores)
 * and the metrics registry. Modules open their own producers and consumers from {@code bootstrapServers} and
 * {@code config.kafkaClientSettings()} (the SASL login of {@code sasl.username} and the {@code kafka.*} overrides).
 */
public record WebContext(LurewatchConfig config, String bootstrapServers, Topics topics, Access access,
                         KafkaStreams streams, LurewatchMetrics metrics, WebSettings settings, Routes routes) {
    public WebContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(routes, "routes");
    }
}
