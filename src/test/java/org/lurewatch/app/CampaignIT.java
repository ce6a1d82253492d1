package org.lurewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lurewatch.kafka.Topics;
import org.lurewatch.testing.KafkaBrokerExtension;

/**
 * Issue 4 on a real broker: a few hundred posts in which recruiters repost the same lure across platforms give
 * each hotline one alert per campaign (updates are held back inside the window), each partner exactly the lures on
 * its own platforms, and every distress post to its hotline alone.
 */
class CampaignIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final String[] PLATFORMS = {"facebook", "tiktok", "telegram"};

    @Test
    void shouldSendEachHotlineOneAlertPerCampaignAndEachPartnerOnlyItsOwnPosts() throws Exception {
        try (LivePipeline pipeline = new LivePipeline(KAFKA, 3)) {
            Topics topics = pipeline.topics();
            Map<String, Integer> expected = new TreeMap<>();
            // Campaign A: 40 Indonesian lures sharing one Telegram handle on three platforms.
            for (int i = 0; i < 40; i++) {
                String platform = PLATFORMS[i % 3];
                pipeline.send(topics.social(), LivePipeline.post("a" + i, platform, "id",
                        "LURE kerja CS gaji tinggi versi " + i + " hubungi @rekrut_kamboja_a"));
                expected.merge(topics.partnerAlerts(platform), 1, Integer::sum);
            }
            expected.merge(topics.hotlineAlerts("indonesia"), 1, Integer::sum);
            // Campaign B: 30 Vietnamese lures sharing one WhatsApp number on two platforms.
            for (int i = 0; i < 30; i++) {
                String platform = PLATFORMS[i % 2];
                pipeline.send(topics.social(), LivePipeline.post("b" + i, platform, "vi",
                        "LURE việc nhẹ lương cao số " + i + " WhatsApp +84901234567"));
                expected.merge(topics.partnerAlerts(platform), 1, Integer::sum);
            }
            expected.merge(topics.hotlineAlerts("vietnam"), 1, Integer::sum);
            // 20 unrelated lures on a job board nobody partners with: one campaign, one regional alert each.
            for (int i = 0; i < 20; i++) {
                pipeline.send(topics.jobAds(), "{\"id\":\"c" + i + "\",\"source\":\"smalljobs\",\"kind\":\"job_ad\","
                        + "\"lang\":\"en\",\"text\":\"LURE typing job number " + i + " @recruiter_c" + i + "\"}");
            }
            expected.merge(topics.hotlineAlerts("regional"), 20, Integer::sum);
            // Five distress posts: one alert each, hotlines only.
            String[][] distress = {{"id", "indonesia"}, {"id", "indonesia"}, {"vi", "vietnam"}, {"tl", "philippines"},
                    {"tl", "philippines"}};
            for (int i = 0; i < distress.length; i++) {
                pipeline.send(topics.social(), LivePipeline.post("d" + i, "facebook", distress[i][0],
                        "HELP my family member is held, number " + i));
                expected.merge(topics.hotlineAlerts(distress[i][1]), 1, Integer::sum);
            }
            // 200 ordinary posts: nothing.
            for (int i = 0; i < 200; i++) {
                pipeline.send(topics.social(), LivePipeline.post("n" + i, PLATFORMS[i % 3], "id", "Jual motor bekas " + i));
            }
            int total = expected.values().stream().mapToInt(Integer::intValue).sum();

            List<String> alerts = new ArrayList<>();
            List<String> deadLetters = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                pipeline.poll(alerts, deadLetters);
                return alerts.size() >= total;
            });
            // Then quiet: an extra copy would arrive within a few commit intervals.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).until(() -> {
                int before = alerts.size();
                pipeline.poll(alerts, deadLetters);
                return alerts.size() == before;
            });

            Map<String, Integer> received = new TreeMap<>();
            alerts.forEach(alert -> received.merge(alert.substring(0, alert.indexOf(' ')), 1, Integer::sum));
            assertThat(received).isEqualTo(expected);
            assertThat(alerts).filteredOn(alert -> alert.contains(" distress "))
                    .hasSize(5).allMatch(alert -> alert.startsWith(topics.hotlineAlertPrefix()));
            assertThat(alerts).filteredOn(alert -> alert.startsWith(topics.partnerAlerts("tiktok")))
                    .allMatch(alert -> alert.contains(" tiktok:"));
            assertThat(alerts).filteredOn(alert -> alert.startsWith(topics.partnerAlerts("facebook")))
                    .allMatch(alert -> alert.contains(" facebook:"));
            assertThat(deadLetters).isEmpty();
        }
    }
}
