package org.lurewatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lurewatch.app.PipelineDriver;
import org.lurewatch.kafka.Json;

class AlertTopologyTest {
    private final PipelineDriver pipeline = new PipelineDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void shouldAlertTheHotlineOfThePostsLanguageAndThePartnerThatHostsIt() {
        pipeline.pipe("feeds.social", PipelineDriver.post("p1", "facebook", "id", "LURE kerja di Kamboja @hr_kamboja"));

        assertThat(pipeline.alertTopicsWithRecords())
                .containsExactlyInAnyOrder("alerts.hotline.indonesia", "alerts.partner.facebook");
    }

    @Test
    void shouldSendLuresInALanguageNoHotlineServesToTheFallback() {
        pipeline.pipe("feeds.social", PipelineDriver.post("p1", "x", "zh", "LURE 柬埔寨 客服"));

        assertThat(pipeline.alertTopicsWithRecords()).containsExactlyInAnyOrder("alerts.hotline.regional", "alerts.partner.x");
    }

    @Test
    void shouldRouteByThePhoneNumbersCountryWhenTheLanguageHasNoHotline() {
        pipeline.pipe("feeds.social", PipelineDriver.post("p1", "telegram", "en", "LURE data entry, WhatsApp +6281234567890"));

        assertThat(pipeline.alertTopicsWithRecords())
                .containsExactlyInAnyOrder("alerts.hotline.indonesia", "alerts.partner.telegram");
    }

    @Test
    void shouldSendDistressToHotlinesOnlyNeverToPartners() {
        pipeline.pipe("feeds.social", PipelineDriver.post("d1", "facebook", "vi", "HELP con tôi bị giữ ở Campuchia"));

        assertThat(pipeline.alertTopicsWithRecords()).containsExactly("alerts.hotline.vietnam");
        JsonNode event = read(pipeline.output("alerts.hotline.vietnam").readValue());
        assertThat(event.get("type").asText()).isEqualTo("org.lurewatch.alert.distress.v1");
        assertThat(event.at("/data/recommended_action").asText()).isEqualTo("refer_for_rescue");
        assertThat(event.at("/data/post/author").asText()).isEqualTo("someone");
    }

    @Test
    void shouldSendJobScamsToTheHostingPartnerOnlyNeverToHotlines() {
        pipeline.pipe("feeds.social", PipelineDriver.post("j1", "facebook", "id", "TASKS like video dapat komisi"));

        assertThat(pipeline.alertTopicsWithRecords()).containsExactly("alerts.partner.facebook");
        JsonNode event = read(pipeline.output("alerts.partner.facebook").readValue());
        assertThat(event.get("type").asText()).isEqualTo("org.lurewatch.alert.job_scam.v1");
        assertThat(event.at("/data/recommended_action").asText()).isEqualTo("review_for_takedown");
    }

    @Test
    void shouldNeverListACounterIndicatorAsAReasonForAnAlert() {
        pipeline.pipe("feeds.social", PipelineDriver.post("p1", "facebook", "id", "LURE kerja @hr_kamboja WARNING"));

        JsonNode data = read(pipeline.output("alerts.partner.facebook").readValue()).get("data");
        assertThat(data.get("indicators")).extracting(i -> i.get("code").asText()).containsExactly("KEYWORD");
        assertThat(data.get("counter_indicators")).extracting(i -> i.get("code").asText()).containsExactly("NEWS_OR_WARNING");
    }

    @Test
    void shouldNotAlertOnBenignPosts() {
        pipeline.pipe("feeds.social", PipelineDriver.post("b1", "facebook", "id", "Lowongan kasir di Jakarta"));

        assertThat(pipeline.alertTopicsWithRecords()).isEmpty();
    }

    @Test
    void shouldNotSendMediumLuresToPartnersWhoseBandIsHigh() {
        pipeline.pipe("feeds.social", PipelineDriver.post("m1", "facebook", "tl", "MILD trabaho sa abroad"));

        assertThat(pipeline.alertTopicsWithRecords()).containsExactly("alerts.hotline.philippines");
    }

    @Test
    void shouldNotAlertAPartnerAboutAnotherPlatformsPost() {
        pipeline.pipe("feeds.social", PipelineDriver.post("p1", "unknownsite", "th", "LURE งานกัมพูชา"));

        assertThat(pipeline.alertTopicsWithRecords()).containsExactly("alerts.hotline.thailand");
    }

    @Test
    void shouldWriteCloudEventsWithEvidenceAndModelVersion() {
        pipeline.pipe("feeds.social", PipelineDriver.post("p1", "facebook", "id", "LURE kerja @hr_kamboja"));

        JsonNode event = read(pipeline.output("alerts.hotline.indonesia").readValue());
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo("org.lurewatch.alert.lure.v1");
        assertThat(event.get("source").asText()).isEqualTo("urn:lurewatch:alert-router");
        assertThat(event.get("subject").asText()).as("hotlines get lures as campaigns").startsWith("cmp-");
        assertThat(event.at("/data/campaign/id").asText()).isEqualTo(event.get("subject").asText());
        assertThat(event.at("/data/post/key").asText()).isEqualTo("facebook:p1");
        assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(event.at("/data/category").asText()).isEqualTo("lure");
        assertThat(event.at("/data/band").asText()).isEqualTo("critical");
        assertThat(event.at("/data/model_version").asText()).isEqualTo("test-1");
        assertThat(event.at("/data/indicators/0/evidence/0/text").asText()).isEqualTo("LURE");
        assertThat(event.at("/data/campaign/contacts/0/value").asText()).isEqualTo("hr_kamboja");
        assertThat(event.at("/data/recommended_action").asText()).isEqualTo("warn_and_trace");
        assertThat(event.at("/data/post/author").isMissingNode()).as("no author handle for lures").isTrue();
    }

    @Test
    void shouldGivePartnersNoAuthorNoExcerptAndNoContactsBeyondThePost() {
        pipeline.pipe("feeds.social", PipelineDriver.post("p1", "facebook", "id", "LURE kerja @hr_kamboja"));

        JsonNode data = read(pipeline.output("alerts.partner.facebook").readValue()).get("data");
        assertThat(data.at("/post/author").isMissingNode()).isTrue();
        assertThat(data.at("/post/excerpt").isMissingNode()).isTrue();
        assertThat(data.get("recommended_action").asText()).isEqualTo("review_for_takedown");
    }

    @Test
    void shouldGiveTheSamePostAndDestinationTheSameIdEveryTimeAndTellTheHotlineOnce() {
        String post = PipelineDriver.post("p1", "facebook", "id", "LURE kerja @hr_kamboja");
        pipeline.pipe("feeds.social", post);
        pipeline.pipe("feeds.social", post);

        List<String> partner = pipeline.output("alerts.partner.facebook").readValuesToList();
        List<String> hotline = pipeline.output("alerts.hotline.indonesia").readValuesToList();
        assertThat(partner).hasSize(2);
        assertThat(read(partner.get(0)).get("id")).isEqualTo(read(partner.get(1)).get("id"));
        assertThat(AlertEvents.id("facebook:p1", "alerts.partner.facebook"))
                .isEqualTo(read(partner.get(0)).get("id").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(hotline).as("a replayed post does not grow its campaign").hasSize(1);
        JsonNode campaignAlert = read(hotline.get(0));
        assertThat(campaignAlert.get("id").asText()).isEqualTo(CampaignAlertEvents.id(
                campaignAlert.get("subject").asText(), 1, "alerts.hotline.indonesia"));
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
