package org.lurewatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LurewatchMetricsTest {
    private final LurewatchMetrics metrics = LurewatchMetrics.create(KnownTags.defaults()
            .withDestinations(List.of(Destination.hotline("id-hotline"), Destination.partner("jobstreet"))));

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void shouldExposeKnownSeriesAtZeroBeforeTheFirstEvent() {
        String scrape = metrics.scrape();

        assertThat(scrape)
                .contains("lurewatch_deadletters_total{reason=\"schema_violation\"} 0.0")
                .contains("lurewatch_posts_assessed_total{band=\"critical\",category=\"distress\"} 0.0")
                .contains("lurewatch_posts_ingested_total{kind=\"job_ad\",source=\"jobstreet\"} 0.0")
                .contains("lurewatch_alerts_sent_total{destination=\"id-hotline\",destination_kind=\"hotline\",type=\"org.lurewatch.alert.lure.v1\"} 0.0")
                .contains("lurewatch_streams_running 0")
                .contains("lurewatch_campaigns NaN");
    }

    @Test
    void shouldCountEventsUnderTheirTags() {
        metrics.postIngested("telegram", "social_post");
        metrics.postIngested("telegram", "social_post");
        metrics.assessed("lure", "high");
        metrics.alertSent(DestinationKind.PARTNER, "jobstreet", "org.lurewatch.alert.lure.v1");
        metrics.alertSuppressed("id-hotline", "campaign_window");
        metrics.deadLetter("not_json");

        assertThat(metrics.scrape())
                .contains("lurewatch_posts_ingested_total{kind=\"social_post\",source=\"telegram\"} 2.0")
                .contains("lurewatch_posts_assessed_total{band=\"high\",category=\"lure\"} 1.0")
                .contains("lurewatch_alerts_sent_total{destination=\"jobstreet\",destination_kind=\"partner\",type=\"org.lurewatch.alert.lure.v1\"} 1.0")
                .contains("lurewatch_alerts_suppressed_total{destination=\"id-hotline\",reason=\"campaign_window\"} 1.0")
                .contains("lurewatch_deadletters_total{reason=\"not_json\"} 1.0");
    }

    @Test
    void shouldFoldEndlessNewSourcesIntoOther() {
        for (int i = 0; i < 200; i++) {
            metrics.postIngested("made-up-" + i, "social_post");
        }

        String scrape = metrics.scrape();
        assertThat(scrape).contains("source=\"other\"");
        assertThat(scrape.lines().filter(line -> line.startsWith("lurewatch_posts_ingested_total{")))
                .hasSizeLessThan(KnownTags.defaults().sources().size() * 3 + 60);
    }

    @Test
    void shouldKeepOnlyTheLatestModelVersion() {
        metrics.modelVersion("lure-2026.10");
        metrics.modelVersion("lure-2026.11");

        assertThat(metrics.scrape())
                .contains("lurewatch_model_info{version=\"lure-2026.11\"} 1")
                .doesNotContain("lure-2026.10");
    }

    @Test
    void shouldReadCampaignCountFromTheSupplierAndNaNWhenItFails() {
        metrics.campaignCount(() -> 42L);
        assertThat(metrics.scrape()).contains("lurewatch_campaigns 42.0");

        metrics.campaignCount(() -> {
            throw new IllegalStateException("store not queryable during rebalance");
        });
        assertThat(metrics.scrape()).contains("lurewatch_campaigns NaN");
    }

    @Test
    void shouldRecordLatenciesAsHistogramsWithPercentilesInProcess() {
        metrics.scoringTimer().record(Duration.ofMillis(3));
        metrics.endToEndLatency(Duration.ofMillis(120));
        metrics.endToEndLatency(Duration.ofMillis(-5));

        assertThat(metrics.scrape())
                .contains("lurewatch_scoring_latency_seconds_count 1")
                .contains("lurewatch_scoring_latency_seconds_bucket{le=\"+Inf\"} 1")
                .contains("lurewatch_alert_latency_seconds_count 2");
        assertThat(metrics.scoringTimer().takeSnapshot().percentileValues()).hasSize(3);
    }

    @Test
    void shouldPublishJvmMetrics() {
        assertThat(metrics.scrape())
                .contains("jvm_memory_used_bytes{")
                .contains("jvm_threads_live_threads ")
                .contains("jvm_classes_loaded_classes ")
                .contains("process_cpu_usage ")
                .contains("process_uptime_seconds ");
    }
}
