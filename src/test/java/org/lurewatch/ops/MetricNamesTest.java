package org.lurewatch.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.testing.TestWebServer;
import org.lurewatch.web.OpsModule;
import org.lurewatch.web.WebServer;

/**
 * Every metric the dashboard and the alert rules query is really exposed on {@code /metrics}.
 *
 * <p>Kafka client and Streams metrics exist only on a real {@link KafkaStreams} instance (a
 * TopologyTestDriver registers none), so this test starts one pointed at a closed local port.
 * Its clients and stream thread are created and register their metrics without a broker, which
 * covers every Kafka metric the dashboard uses today; per-partition and per-task metrics
 * need assigned partitions, so an integration test with a running app should repeat the check
 * with {@link MetricNameCheck}.
 */
class MetricNamesTest {
    static final Path DASHBOARD = Path.of("ops/grafana/dashboards/lurewatch.json");
    static final Path ALERT_RULES = Path.of("ops/prometheus/alerts.yml");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldFindMetricNamesInTheDashboardAndTheRules() {
        Set<String> used = MetricNameCheck.metricNamesUsedBy(DASHBOARD, ALERT_RULES);

        assertThat(used).contains(
                "lurewatch_posts_ingested_total",
                "lurewatch_alerts_sent_total",
                "lurewatch_scoring_latency_seconds_bucket",
                "kafka_consumer_fetch_manager_records_lag_max",
                "jvm_memory_used_bytes",
                "lurewatch_webhook_deliveries_total",
                "lurewatch_webhook_oldest_pending_seconds",
                "lurewatch_flags_total");
        assertThat(used).doesNotContain("up", "sum", "rate", "by", "le", "instance");
    }

    @Test
    void shouldServeEveryMetricTheDashboardAndRulesUse(@TempDir Path stateDir) throws Exception {
        Set<String> used = MetricNameCheck.metricNamesUsedBy(DASHBOARD, ALERT_RULES);
        try (LurewatchMetrics metrics = LurewatchMetrics.create(KnownTags.defaults()
                     .withDestinations(List.of(Destination.hotline("id-hotline"), Destination.partner("jobstreet")))
                     .withSuppressionReasons(List.of("campaign_window")));
             KafkaStreamsWithoutBroker streams = KafkaStreamsWithoutBroker.start(stateDir, metrics);
             WebServer server = TestWebServer.start(new OpsModule(metrics,
                     Readiness.of(streams.kafkaStreams()::state, () -> true)))) {
            // What the app does once at start; every other Lurewatch series exists from construction.
            metrics.modelVersion("test-model-1");
            metrics.campaignCount(() -> 0);
            // What the partner API and webhook delivery register at start, for the routes' partners and each endpoint.
            metrics.partnerApi().partners(List.of("jobstreet"));
            metrics.partnerApi().activeSignals(() -> 0);
            metrics.webhooks().endpoint("k3v9q2m7xa", "hotline:id-hotline");

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                // jvm_gc_pause_seconds appears after the first collection; ask for one rather than wait for luck.
                System.gc();
                Set<String> scraped = MetricNameCheck.scrapedMetricNames(scrape(server));
                assertThat(scraped).containsAll(used);
            });
        }
    }

    private String scrape(WebServer server) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** A started KafkaStreams whose bootstrap server is a local port nobody listens on. */
    private record KafkaStreamsWithoutBroker(KafkaStreams kafkaStreams) implements AutoCloseable {

        static KafkaStreamsWithoutBroker start(Path stateDir, LurewatchMetrics metrics) throws IOException {
            Properties config = new Properties();
            config.put(StreamsConfig.APPLICATION_ID_CONFIG, "lurewatch-metric-names");
            config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort());
            config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            // Fewer reconnection attempts (and warnings) against the closed port.
            config.put("reconnect.backoff.ms", "2000");
            config.put("reconnect.backoff.max.ms", "10000");
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream("feeds.social").to("posts.scored");
            KafkaStreams streams = new KafkaStreams(builder.build(), config);
            metrics.bindKafkaStreams(streams);
            streams.start();
            return new KafkaStreamsWithoutBroker(streams);
        }

        private static int closedPort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }

        @Override
        public void close() {
            kafkaStreams.close(Duration.ofSeconds(10));
        }
    }
}
