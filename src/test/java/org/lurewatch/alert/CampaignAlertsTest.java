package org.lurewatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.app.KeywordAssessor;
import org.lurewatch.app.PipelineDriver;
import org.lurewatch.app.RecordingEvents;

/** Hotline alerts per campaign, with suppression and updates; distress and partner alerts per post. Window: 60 min. */
class CampaignAlertsTest {
    private static final String HOTLINE = "alerts.hotline.indonesia";

    private final RecordingEvents events = new RecordingEvents();
    private final PipelineDriver pipeline =
            new PipelineDriver(RoutesLoader.loadBundled(), KeywordAssessor::new, events, PipelineDriver.UPDATE_WINDOW);

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void shouldAlertTheHotlineOnceWhileACampaignGrowsInsideTheWindow() {
        for (int i = 0; i < 5; i++) {
            pipeline.post("p" + i, "facebook", "id", "LURE kerja di Kamboja @hr_flood", i * 10);
        }

        Map<String, List<JsonNode>> alerts = pipeline.readAlerts();
        assertThat(alerts).containsOnlyKeys(HOTLINE, "alerts.partner.facebook");
        assertThat(alerts.get(HOTLINE)).singleElement().satisfies(alert -> {
            assertThat(alert.get("type").asText()).isEqualTo("org.lurewatch.alert.lure.v1");
            assertThat(alert.at("/data/alert").asText()).isEqualTo("new");
            assertThat(alert.at("/data/campaign/size").asInt()).isEqualTo(1);
        });
        assertThat(alerts.get("alerts.partner.facebook")).hasSize(5);
        assertThat(events.suppressed()).hasSize(4)
                .allSatisfy(s -> assertThat(s).isEqualTo(new RecordingEvents.Suppressed(HOTLINE, "update_window")));
        assertThat(pipeline.deadLetters()).isEmpty();
    }

    @Test
    void shouldUpdateTheHotlineWhenTheCampaignGrowsAfterTheWindow() {
        pipeline.post("p1", "facebook", "id", "LURE kerja di Kamboja @hr_grow", 0);
        pipeline.post("p2", "tiktok", "id", "LURE kerja di Kamboja @hr_grow WA +6281234567890", 70);
        pipeline.post("p3", "facebook", "id", "LURE kerja di Kamboja @hr_grow", 80);

        List<JsonNode> hotline = pipeline.readAlerts().get(HOTLINE);
        assertThat(hotline).hasSize(2);
        JsonNode update = hotline.get(1);
        assertThat(update.get("type").asText()).isEqualTo("org.lurewatch.alert.campaign-update.v1");
        assertThat(update.get("subject").asText()).isEqualTo(hotline.get(0).get("subject").asText());
        assertThat(update.get("time").asText()).isEqualTo(PipelineDriver.T0.plusSeconds(70 * 60).toString());
        assertThat(update.at("/data/alert").asText()).isEqualTo("update");
        assertThat(update.at("/data/campaign/size").asInt()).isEqualTo(2);
        assertThat(update.at("/data/campaign/platforms").toString()).isEqualTo("[\"facebook\",\"tiktok\"]");
        assertThat(update.at("/data/changes/since_revision").asInt()).isEqualTo(1);
        assertThat(update.at("/data/changes/new_posts").asInt()).isEqualTo(1);
        assertThat(update.at("/data/changes/new_platforms").toString()).isEqualTo("[\"tiktok\"]");
        assertThat(update.at("/data/changes/new_contacts/0/value").asText()).isEqualTo("+6281234567890");
        assertThat(update.at("/data/posts")).extracting(JsonNode::toString).asString()
                .contains("facebook:p1", "tiktok:p2");
        assertThat(update.get("id").asText()).isEqualTo(CampaignAlertEvents.id(
                update.get("subject").asText(), update.at("/data/campaign/revision").asLong(), HOTLINE))
                .isNotEqualTo(hotline.get(0).get("id").asText());
        assertThat(events.suppressed()).as("p3 came inside the new window").hasSize(1);
    }

    @Test
    void shouldSendAHeldBackUpdateWhenTheWindowEnds() {
        pipeline.post("p1", "facebook", "id", "LURE kerja di Kamboja @hr_held", 0);
        pipeline.post("p2", "tiktok", "id", "LURE kerja di Kamboja @hr_held", 10);
        assertThat(pipeline.readAlerts().get(HOTLINE)).hasSize(1);

        // Any later lure moves stream time on; this one is for another hotline.
        pipeline.post("v1", "facebook", "vi", "LURE việc làm ở Campuchia @hr_other", 61);

        Map<String, List<JsonNode>> alerts = pipeline.readAlerts();
        assertThat(alerts).containsOnlyKeys(HOTLINE, "alerts.hotline.vietnam", "alerts.partner.facebook");
        assertThat(alerts.get(HOTLINE)).singleElement().satisfies(update -> {
            assertThat(update.at("/data/alert").asText()).isEqualTo("update");
            assertThat(update.at("/data/campaign/size").asInt()).isEqualTo(2);
            assertThat(update.at("/data/changes/new_platforms").toString()).isEqualTo("[\"tiktok\"]");
        });

        pipeline.post("v2", "facebook", "vi", "LURE việc làm ở Campuchia @hr_other2", 200);
        assertThat(pipeline.readAlerts()).as("a held-back update goes out once").doesNotContainKey(HOTLINE);
    }

    @Test
    void shouldSendAHeldBackUpdateOnAQuietStreamOnceTheWindowHasPassedInRealTime() {
        pipeline.post("p1", "facebook", "id", "LURE kerja di Kamboja @hr_quiet", 0);
        pipeline.post("p2", "tiktok", "id", "LURE kerja di Kamboja @hr_quiet", 10);
        assertThat(pipeline.readAlerts().get(HOTLINE)).hasSize(1);

        // No more records: only the wall clock moves.
        pipeline.driver().advanceWallClockTime(java.time.Duration.ofSeconds(30));
        pipeline.driver().advanceWallClockTime(java.time.Duration.ofMinutes(30));
        assertThat(pipeline.readAlerts()).as("still inside the window").doesNotContainKey(HOTLINE);
        pipeline.driver().advanceWallClockTime(java.time.Duration.ofMinutes(31));

        assertThat(pipeline.readAlerts().get(HOTLINE)).singleElement().satisfies(update -> {
            assertThat(update.at("/data/alert").asText()).isEqualTo("update");
            assertThat(update.at("/data/campaign/size").asInt()).isEqualTo(2);
        });
    }

    @Test
    void shouldKeepTellingBothHotlinesAsUpdatesWhenTheirCampaignsMerge() {
        pipeline.post("a", "facebook", "id", "LURE kerja di Kamboja WA +6281234567890", 0);
        pipeline.post("c", "facebook", "en", "LURE typing job in Cambodia, DM @hr_merge", 1);
        Map<String, List<JsonNode>> first = pipeline.readAlerts();
        assertThat(first.get(HOTLINE)).hasSize(1);
        assertThat(first.get("alerts.hotline.regional")).as("English, no country: the fallback").hasSize(1);

        pipeline.post("b", "facebook", "id", "LURE kerja WA +6281234567890 atau @hr_merge", 2);
        assertThat(pipeline.readAlerts()).as("the merge is growth inside the window").containsOnlyKeys("alerts.partner.facebook");

        // Moving time past the window sends the held-back merge as an update (d itself is then held back).
        pipeline.post("d", "tiktok", "id", "LURE kerja di Kamboja @hr_merge", 70);
        Map<String, List<JsonNode>> later = pipeline.readAlerts();
        assertThat(later).containsOnlyKeys(HOTLINE, "alerts.hotline.regional", "alerts.partner.tiktok");
        for (String hotline : List.of(HOTLINE, "alerts.hotline.regional")) {
            assertThat(later.get(hotline)).as(hotline).singleElement().satisfies(update -> {
                assertThat(update.get("type").asText()).isEqualTo(CampaignAlertEvents.UPDATE_TYPE);
                assertThat(update.get("subject").asText()).isEqualTo(first.get(HOTLINE).get(0).get("subject").asText());
                assertThat(update.at("/data/campaign/size").asInt()).isEqualTo(3);
                assertThat(update.at("/data/campaign/merged_ids/0").asText())
                        .isEqualTo(first.get("alerts.hotline.regional").get(0).get("subject").asText());
            });
        }
    }

    @Test
    void shouldNotAnnounceACampaignAgainWhenAnOlderPostArrivesLate() {
        pipeline.post("later", "facebook", "id", "LURE lowongan customer service di Kamboja gaji besar tiket visa mess "
                + "gratis tanpa pengalaman usia 18-35 berangkat segera hubungi @hr_late", 5);
        JsonNode announced = pipeline.readAlerts().get(HOTLINE).get(0);

        pipeline.post("earlier", "facebook", "id", "LURE dicari admin input data di Phnom Penh gaji 20 juta bonus tiket "
                + "visa gratis makan tiga kali sehari siap berangkat DM @hr_late", 0);
        assertThat(pipeline.readAlerts()).as("no second announcement").doesNotContainKey(HOTLINE);

        pipeline.post("third", "facebook", "id", "LURE kerja @hr_late", 70);
        JsonNode update = pipeline.readAlerts().get(HOTLINE).get(0);
        assertThat(update.get("type").asText()).isEqualTo(CampaignAlertEvents.UPDATE_TYPE);
        assertThat(update.get("subject").asText()).as("the oldest id survives")
                .isEqualTo(org.lurewatch.campaign.CampaignIds.propose("facebook:earlier", PipelineDriver.T0));
        assertThat(update.at("/data/campaign/merged_ids").toString()).contains(announced.get("subject").asText());
        assertThat(update.at("/data/campaign/size").asInt()).as("sent as time passed the window").isEqualTo(2);
    }

    @Test
    void shouldNotUpdateTheHotlineWhenNothingNewArrives() {
        pipeline.post("p1", "facebook", "id", "LURE kerja di Kamboja @hr_same", 0);
        pipeline.readAlerts();

        pipeline.post("p1", "facebook", "id", "LURE kerja di Kamboja @hr_same", 90);

        assertThat(pipeline.readAlerts()).containsOnlyKeys("alerts.partner.facebook");
        assertThat(events.suppressed()).isEmpty();
    }

    @Test
    void shouldSendDistressAtOnceOneByOneNeverMergedSuppressedOrSentToPartners() {
        pipeline.post("lure", "facebook", "id", "LURE kerja di Kamboja @hr_near +6281234567890", 0);
        pipeline.readAlerts();
        pipeline.readCampaignChanges();

        pipeline.post("d1", "facebook", "id", "HELP anak saya ditahan, dulu dihubungi @hr_near", 1);
        pipeline.post("d2", "facebook", "id", "HELP adik saya di Kamboja, nomor +6281234567890", 2);
        pipeline.post("d3", "facebook", "id", "HELP anak saya ditahan, dulu dihubungi @hr_near", 3);

        Map<String, List<JsonNode>> alerts = pipeline.readAlerts();
        assertThat(alerts).containsOnlyKeys(HOTLINE);
        assertThat(alerts.get(HOTLINE)).extracting(alert -> alert.get("subject").asText())
                .containsExactly("facebook:d1", "facebook:d2", "facebook:d3");
        assertThat(alerts.get(HOTLINE)).allSatisfy(alert -> {
            assertThat(alert.get("type").asText()).isEqualTo("org.lurewatch.alert.distress.v1");
            assertThat(alert.at("/data/campaign").isMissingNode()).isTrue();
        });
        assertThat(pipeline.readCampaignChanges()).as("distress never joins a campaign").isEmpty();
        assertThat(events.suppressed()).isEmpty();
    }

    @Test
    void shouldGiveEachPartnerOnlyThePostsOnItsOwnPlatforms() {
        pipeline.post("f1", "facebook", "id", "LURE kerja di Kamboja @hr_multi", 0);
        pipeline.post("t1", "tiktok", "id", "LURE kerja di Kamboja @hr_multi", 1);
        pipeline.post("g1", "telegram", "en", "LURE job in Cambodia @hr_multi", 2);
        pipeline.post("f2", "instagram", "id", "LURE kerja di Kamboja @hr_multi", 3);

        Map<String, List<JsonNode>> alerts = pipeline.readAlerts();
        assertThat(alerts).containsOnlyKeys(HOTLINE, "alerts.partner.facebook", "alerts.partner.tiktok",
                "alerts.partner.telegram");
        assertThat(subjects(alerts.get("alerts.partner.facebook"))).containsExactly("facebook:f1", "instagram:f2");
        assertThat(subjects(alerts.get("alerts.partner.tiktok"))).containsExactly("tiktok:t1");
        assertThat(subjects(alerts.get("alerts.partner.telegram"))).containsExactly("telegram:g1");
        for (String partner : List.of("alerts.partner.facebook", "alerts.partner.tiktok", "alerts.partner.telegram")) {
            assertThat(alerts.get(partner)).allSatisfy(alert -> {
                assertThat(alert.at("/data/campaign").isMissingNode()).as("no other platform's posts").isTrue();
                assertThat(alert.at("/data/contacts").isMissingNode()).isTrue();
                assertThat(alert.at("/data/post/author").isMissingNode()).isTrue();
            });
        }
        assertThat(alerts.get(HOTLINE)).hasSize(1);
    }

    private static List<String> subjects(List<JsonNode> alerts) {
        return alerts.stream().map(alert -> alert.get("subject").asText()).toList();
    }
}
