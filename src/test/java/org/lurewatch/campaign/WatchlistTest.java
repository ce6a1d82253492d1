package org.lurewatch.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lurewatch.app.PipelineDriver;
import org.lurewatch.assess.Band;
import org.lurewatch.assess.Indicator;
import org.lurewatch.assess.ScoredPost;

/** Hotline verdicts feed the watchlist, and the assess step reads it for every later post. */
class WatchlistTest {
    private final PipelineDriver pipeline = new PipelineDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void shouldRaiseAMildPostThatUsesAConfirmedContact() {
        pipeline.post("p0", "telegram", "id", "LURE kerja di Kamboja, chat @hr_known", 0);
        verdict("{\"post_key\":\"telegram:p0\",\"verdict\":\"confirmed\"}");
        pipeline.readAlerts();

        pipeline.post("m1", "facebook", "id", "MILD info kerja, chat @hr_known", 1);

        ScoredPost scored = pipeline.readScored("facebook:m1");
        assertThat(scored.assessment().band()).as("medium without the watchlist").isEqualTo(Band.HIGH);
        assertThat(scored.assessment().score()).isGreaterThan(0.8);
        Indicator hit = indicator(scored, WatchlistScoring.CONFIRMED);
        assertThat(hit.evidence()).singleElement().satisfies(span -> {
            assertThat(span.text()).isEqualTo("@hr_known");
            assertThat(scored.post().fullText().substring(span.start(), span.end())).isEqualTo("@hr_known");
        });
        Map<String, List<JsonNode>> alerts = pipeline.readAlerts();
        assertThat(alerts).as("facebook takes high and above only").containsKey("alerts.partner.facebook");
        JsonNode partner = alerts.get("alerts.partner.facebook").get(0);
        assertThat(partner.at("/data/band").asText()).isEqualTo("high");
        assertThat(partner.at("/data/indicators/1/code").asText()).isEqualTo(WatchlistScoring.CONFIRMED);
        assertThat(partner.at("/data/indicators/1/evidence/0/text").asText()).isEqualTo("@hr_known");
    }

    @Test
    void shouldRaiseAPostThatUsesAContactOfAConfirmedCampaign() {
        pipeline.post("p1", "facebook", "id", "LURE kerja di Kamboja @hr_first WA +6281234567890", 0);
        String campaign = CampaignIds.propose("facebook:p1", PipelineDriver.T0);
        verdict("{\"campaign_id\":\"" + campaign + "\",\"verdict\":\"confirmed\"}");

        pipeline.post("m1", "tiktok", "id", "MILD kerja, WA +6281234567890", 5);

        assertThat(pipeline.readScored("tiktok:m1").assessment().band()).isEqualTo(Band.HIGH);
    }

    @Test
    void shouldLowerAPostThatUsesAContactJudgedAFalsePositive() {
        pipeline.post("p1", "facebook", "id", "LURE lowongan resmi @hr_legit", 0);
        verdict("{\"post_key\":\"facebook:p1\",\"verdict\":\"false_positive\"}");
        pipeline.readAlerts();

        pipeline.post("p2", "facebook", "id", "LURE lowongan resmi @hr_legit", 5);

        ScoredPost scored = pipeline.readScored("facebook:p2");
        assertThat(scored.assessment().score()).isLessThan(0.95);
        assertThat(scored.assessment().band()).as("critical without the watchlist").isEqualTo(Band.HIGH);
        assertThat(indicator(scored, WatchlistScoring.CLEARED).evidence()).extracting(span -> span.text())
                .containsExactly("@hr_legit");

        pipeline.post("m1", "facebook", "id", "MILD lowongan @hr_legit", 6);
        assertThat(pipeline.readScored("facebook:m1").assessment().band()).isEqualTo(Band.LOW);
    }

    @Test
    void shouldForgetAContactWhoseVerdictExpired() {
        pipeline.post("p0", "telegram", "id", "LURE kerja di Kamboja, chat @hr_old", 0);
        verdict("{\"post_key\":\"telegram:p0\",\"verdict\":\"confirmed\"}");
        verdict("{\"post_key\":\"telegram:p0\",\"verdict\":\"expired\"}");

        pipeline.post("m1", "facebook", "id", "MILD kerja @hr_old", 1);

        ScoredPost scored = pipeline.readScored("facebook:m1");
        assertThat(scored.assessment().band()).isEqualTo(Band.MEDIUM);
        assertThat(scored.assessment().indicators()).extracting(Indicator::code).doesNotContain(WatchlistScoring.CONFIRMED);
    }

    private void verdict(String json) {
        pipeline.pipe("feedback.hotline.indonesia", json, PipelineDriver.T0.plusSeconds(30));
    }

    private static Indicator indicator(ScoredPost scored, String code) {
        return scored.assessment().indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }
}
