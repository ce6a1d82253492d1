package org.lurewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lurewatch.kafka.Topics;
import org.lurewatch.testing.KafkaBrokerExtension;

/**
 * The whole topology on a real broker with exactly-once: a feed with good and bad records in, exactly the expected
 * alerts and dead letters out, nothing more. Scoring uses the predictable {@link KeywordAssessor}.
 */
class PipelineIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final String LURE = "org.lurewatch.alert.lure.v1";
    private static final String DISTRESS = "org.lurewatch.alert.distress.v1";

    @Test
    void shouldTurnAFeedIntoExactlyTheExpectedAlertsAndDeadLetters() throws Exception {
        try (LivePipeline pipeline = new LivePipeline(KAFKA, 2)) {
            Topics topics = pipeline.topics();
            pipeline.send(topics.social(), LivePipeline.post("s1", "facebook", "id", "LURE kerja Kamboja @rekrut_satu"));
            pipeline.send(topics.social(), LivePipeline.post("s2", "tiktok", "vi", "LURE việc làm Campuchia @tuyen_dung_hai"));
            pipeline.send(topics.jobAds(), "{\"id\":\"j1\",\"source\":\"jobstreet\",\"kind\":\"job_ad\",\"lang\":\"zh\","
                    + "\"title\":\"客服\",\"text\":\"LURE 东南亚 高薪 @gaoxin_san\"}");
            pipeline.send(topics.social(), LivePipeline.post("d1", "facebook", "tl", "HELP kinuha ang passport ng kapatid ko"));
            pipeline.send(topics.social(), LivePipeline.post("b1", "facebook", "id", "Lowongan kasir resmi di Jakarta"));
            pipeline.send(topics.partnerFlags("telegram"), "{\"id\":\"f1\",\"source\":\"telegram\",\"kind\":\"partner_flag\","
                    + "\"lang\":\"en\",\"text\":\"LURE typing job abroad @kk_four\"}");
            pipeline.send(topics.social(), "not json");
            pipeline.send(topics.social(), new byte[] {'{', (byte) 0xFF, '}'});
            pipeline.send(topics.jobAds(), "{\"id\":\"x\",\"source\":\"facebook\",\"kind\":\"job_ad\"}");
            pipeline.send(topics.social(), LivePipeline.post("big", "facebook", "en", "x".repeat(6000)));

            List<String> expectedAlerts = List.of(
                    topics.hotlineAlerts("indonesia") + " facebook:s1 lure " + LURE,
                    topics.partnerAlerts("facebook") + " facebook:s1 lure " + LURE,
                    topics.hotlineAlerts("vietnam") + " tiktok:s2 lure " + LURE,
                    topics.partnerAlerts("tiktok") + " tiktok:s2 lure " + LURE,
                    topics.hotlineAlerts("regional") + " jobstreet:j1 lure " + LURE,
                    topics.partnerAlerts("jobstreet") + " jobstreet:j1 lure " + LURE,
                    topics.hotlineAlerts("philippines") + " facebook:d1 distress " + DISTRESS,
                    topics.hotlineAlerts("regional") + " telegram:f1 lure " + LURE,
                    topics.partnerAlerts("telegram") + " telegram:f1 lure " + LURE);
            List<String> expectedDeadLetters = List.of("not_json", "invalid_utf8", "schema_violation", "oversized");

            List<String> alerts = new ArrayList<>();
            List<String> deadLetters = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                pipeline.poll(alerts, deadLetters);
                return alerts.size() >= expectedAlerts.size() && deadLetters.size() >= expectedDeadLetters.size();
            });
            // Nothing more: a duplicate would show up within a few commit intervals.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> {
                int before = alerts.size() + deadLetters.size();
                pipeline.poll(alerts, deadLetters);
                return alerts.size() + deadLetters.size() == before;
            });
            assertThat(alerts).containsExactlyInAnyOrderElementsOf(expectedAlerts);
            assertThat(deadLetters).containsExactlyInAnyOrderElementsOf(expectedDeadLetters);
        }
    }
}
