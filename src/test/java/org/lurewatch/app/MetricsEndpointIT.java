package org.lurewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.access.Access;
import org.lurewatch.access.WebhookEvent;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.ops.MetricNameCheck;
import org.lurewatch.ops.PipelineEvents;
import org.lurewatch.testing.KafkaBrokerExtension;

/**
 * A running instance on a real broker serves /healthz, /readyz and /metrics, and every metric name the Grafana
 * dashboard and the Prometheus alert rules use is really exposed.
 */
class MetricsEndpointIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path accessDir;

    @Test
    void shouldExposeEveryMetricTheDashboardAndAlertRulesUse() throws Exception {
        LurewatchConfig config = ConfigLoader.load(Optional.empty(), Map.of(),
                Map.of("http.port", "0", "application.id", "metrics-it", "access.dir", accessDir.toString()));
        // One webhook endpoint, so its per-endpoint series exist (no alert is produced here, so nothing is sent).
        try (Access access = Access.open(config.access(), RoutesLoader.loadBundled())) {
            access.webhooks().add(access.identities().requireHotline("indonesia"), "http://127.0.0.1:9/hook",
                    List.of(WebhookEvent.ALERTS), true);
        }
        LurewatchRuntime.Scorer scorer = KeywordAssessor.scorer();
        try (LurewatchRuntime runtime = LurewatchRuntime.start(config, KAFKA.bootstrapServers(), scorer, PipelineEvents.NONE)) {
            URI base = runtime.web().baseUri();
            assertThat(get(base.resolve("/healthz")).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> runtime.state() == KafkaStreams.State.RUNNING);
            await().atMost(Duration.ofSeconds(10)).until(() -> get(base.resolve("/readyz")).statusCode() == 200);

            Set<String> used = MetricNameCheck.metricNamesUsedBy(Path.of("ops/grafana/dashboards/lurewatch.json"),
                    Path.of("ops/prometheus/alerts.yml"));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                Set<String> missing = new TreeSet<>(used);
                missing.removeAll(MetricNameCheck.scrapedMetricNames(get(base.resolve("/metrics")).body()));
                assertThat(missing).as("metrics the dashboard or alert rules use but the app does not expose").isEmpty();
            });
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
