package org.lurewatch.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lurewatch.app.PipelineDriver;
import org.lurewatch.assess.Category;
import org.lurewatch.campaign.CampaignIds;
import org.lurewatch.ingest.DeadLetterHeaders;
import org.lurewatch.kafka.Json;

class FeedbackTopologyTest {
    private static final String INDONESIA = "feedback.hotline.indonesia";
    private static final String REGIONAL = "feedback.hotline.regional";

    private final PipelineDriver pipeline = new PipelineDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void shouldKeepTheLatestVerdictPerContactInTheWatchlist() {
        pipeline.post("p1", "facebook", "id", "LURE kerja @hr_kamboja WA +6281234567890", 0);
        pipeline.post("p2", "telegram", "id", "LURE kerja @hr_kamboja", 1);

        verdict(INDONESIA, "{\"post_key\":\"facebook:p1\",\"verdict\":\"confirmed\",\"at\":\"2026-11-23T10:00:00Z\"}");
        verdict(REGIONAL, "{\"post_key\":\"telegram:p2\",\"verdict\":\"false_positive\"}");

        KeyValueStore<String, WatchlistEntry> store = pipeline.driver().getKeyValueStore(FeedbackTopology.WATCHLIST_STORE);
        assertThat(store.get("telegram:hr_kamboja").verdict()).isEqualTo(Verdict.FALSE_POSITIVE);
        assertThat(store.get("telegram:hr_kamboja").hotline()).isEqualTo("regional");
        assertThat(store.get("whatsapp:+6281234567890").verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(store.get("whatsapp:+6281234567890").hotline()).isEqualTo("indonesia");
        assertThat(pipeline.output("watchlist").readKeyValuesToList()).hasSize(3);
    }

    @Test
    void shouldTakeTheHotlineFromTheTopicNeverFromThePayload() throws Exception {
        pipeline.post("p1", "facebook", "id", "LURE kerja @hr_kamboja", 0);

        verdict(INDONESIA, "{\"post_key\":\"facebook:p1\",\"verdict\":\"confirmed\",\"hotline\":\"vietnam\"}");

        KeyValueStore<String, WatchlistEntry> store = pipeline.driver().getKeyValueStore(FeedbackTopology.WATCHLIST_STORE);
        assertThat(store.get("telegram:hr_kamboja").hotline()).isEqualTo("indonesia");
        LabelledVerdict labelled = Json.mapper().readValue(pipeline.output("feedback.labelled").readValue(), LabelledVerdict.class);
        assertThat(labelled.hotline()).isEqualTo("indonesia");
    }

    @Test
    void shouldNeverWatchlistAContactListedInTheVerdictItself() throws Exception {
        pipeline.post("p1", "facebook", "id", "LURE kerja @hr_kamboja", 0);

        verdict(INDONESIA, "{\"post_key\":\"facebook:p1\",\"verdict\":\"confirmed\","
                + "\"contacts\":[\"whatsapp:+6281111111111\",\"telegram:innocent_shop\"]}");
        verdict(INDONESIA, "{\"post_key\":\"facebook:unknown\",\"verdict\":\"confirmed\",\"contacts\":[\"telegram:rival\"]}");

        assertThat(pipeline.output("watchlist").readKeyValuesToMap()).containsOnlyKeys("telegram:hr_kamboja");
        List<LabelledVerdict> labelled = pipeline.output("feedback.labelled").readValuesToList().stream()
                .map(json -> read(json, LabelledVerdict.class)).toList();
        assertThat(labelled).extracting(LabelledVerdict::contacts)
                .containsExactly(List.of("telegram:hr_kamboja"), List.of());
        assertThat(labelled.get(1).subjectKnown()).isFalse();
    }

    @Test
    void shouldDeadLetterUnreadableFeedback() {
        pipeline.pipe(INDONESIA, "{\"verdict\":\"maybe\",\"post_key\":\"facebook:p1\"}");
        pipeline.pipe(INDONESIA, "{\"verdict\":\"confirmed\"}");
        pipeline.pipe(INDONESIA, "{\"verdict\":\"confirmed\",\"contacts\":[\"telegram:x\"]}");
        pipeline.pipe(INDONESIA, "not json");

        var letters = pipeline.deadLetters();
        assertThat(letters).hasSize(4);
        assertThat(DeadLetterHeaders.get(letters.get(0).headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(INDONESIA);
        assertThat(pipeline.output("watchlist").isEmpty()).isTrue();
    }

    @Test
    void shouldApplyAVerdictOnACampaignToAllItsContactsAndKeepItAsLabelledData() throws Exception {
        pipeline.post("p1", "facebook", "id", "LURE kerja @hr_a", 0);
        pipeline.post("p2", "tiktok", "id", "LURE kerja @hr_a WA +6281234567890", 1);
        String campaign = CampaignIds.propose("facebook:p1", PipelineDriver.T0);

        pipeline.pipe(INDONESIA, "{\"campaign_id\":\"" + campaign + "\",\"verdict\":\"confirmed\",\"analyst\":\"ana\","
                + "\"note\":\"seen on three platforms\",\"at\":\"2026-11-24T08:00:00Z\"}", PipelineDriver.T0.plusSeconds(3600));

        assertThat(pipeline.output("watchlist").readKeyValuesToMap())
                .containsOnlyKeys("telegram:hr_a", "whatsapp:+6281234567890");
        List<KeyValue<String, String>> labelled = pipeline.output("feedback.labelled").readKeyValuesToList();
        assertThat(labelled).singleElement().satisfies(record -> assertThat(record.key).isEqualTo("campaign:" + campaign));
        assertThat(labelled.get(0).value).as("the note stays with the hotline").doesNotContain("three platforms");
        LabelledVerdict verdict = Json.mapper().readValue(labelled.get(0).value, LabelledVerdict.class);
        assertThat(verdict.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(verdict.hotline()).isEqualTo("indonesia");
        assertThat(verdict.postKeys()).containsExactly("facebook:p1", "tiktok:p2");
        assertThat(verdict.contacts()).containsExactly("telegram:hr_a", "whatsapp:+6281234567890");
        assertThat(verdict.subjectKnown()).isTrue();
        assertThat(verdict.at()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(pipeline.deadLetters()).isEmpty();
    }

    @Test
    void shouldRemoveAContactFromTheWatchlistWhenItsVerdictExpires() {
        pipeline.post("p1", "facebook", "id", "LURE kerja @hr_x", 0);

        verdict(INDONESIA, "{\"post_key\":\"facebook:p1\",\"verdict\":\"confirmed\"}");
        verdict(INDONESIA, "{\"post_key\":\"facebook:p1\",\"verdict\":\"expired\"}");

        List<KeyValue<String, String>> changes = pipeline.output("watchlist").readKeyValuesToList();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).value).as("a tombstone").isNull();
        KeyValueStore<String, WatchlistEntry> store = pipeline.driver().getKeyValueStore(FeedbackTopology.WATCHLIST_STORE);
        assertThat(store.get("telegram:hr_x")).isNull();
        assertThat(pipeline.output("feedback.labelled").readValuesToList()).hasSize(2);
    }

    @Test
    void shouldNeverWatchlistTheContactsOfADistressPost() throws Exception {
        pipeline.post("d1", "facebook", "id", "HELP anak saya, hubungi saya +6281234567890 @ibu_sari", 0);

        verdict(INDONESIA, "{\"post_key\":\"facebook:d1\",\"verdict\":\"confirmed\"}");
        verdict(INDONESIA, "{\"post_key\":\"facebook:d1\",\"verdict\":\"false_positive\"}");

        assertThat(pipeline.output("watchlist").isEmpty()).isTrue();
        LabelledVerdict verdict = Json.mapper().readValue(pipeline.output("feedback.labelled").readValue(), LabelledVerdict.class);
        assertThat(verdict.postKeys()).containsExactly("facebook:d1");
        assertThat(verdict.contacts()).isEmpty();
        assertThat(verdict.subjectKnown()).isFalse();
        assertThat(verdict.example()).as("a distress post's words are never training data").isNull();
        assertThat(pipeline.output("feedback.labelled").readValuesToList()).allSatisfy(json ->
                assertThat(json).doesNotContain("anak saya").doesNotContain("\"example\""));
    }

    @Test
    void shouldLabelAJudgedLureWithItsTextForTraining() throws Exception {
        pipeline.post("p1", "facebook", "id", "LURE kerja di Kamboja @hr_text", 0);

        verdict(INDONESIA, "{\"post_key\":\"facebook:p1\",\"verdict\":\"confirmed\"}");

        LabelledVerdict verdict = Json.mapper().readValue(pipeline.output("feedback.labelled").readValue(), LabelledVerdict.class);
        assertThat(verdict.example()).isEqualTo(new PostText("LURE kerja di Kamboja @hr_text", "id", "social_post",
                "facebook", Category.LURE));
    }

    @Test
    void shouldLabelAJudgedJobScamWithItsTextButWatchlistNothing() throws Exception {
        pipeline.post("j1", "tiktok", "id", "TASKS like videos, earn per task @task_boss", 0);

        verdict(INDONESIA, "{\"post_key\":\"tiktok:j1\",\"verdict\":\"false_positive\"}");

        assertThat(pipeline.output("watchlist").isEmpty()).isTrue();
        LabelledVerdict verdict = Json.mapper().readValue(pipeline.output("feedback.labelled").readValue(), LabelledVerdict.class);
        assertThat(verdict.example().scoredAs()).isEqualTo(Category.JOB_SCAM);
        assertThat(verdict.example().text()).isEqualTo("TASKS like videos, earn per task @task_boss");
        assertThat(verdict.contacts()).isEmpty();
    }

    @Test
    void shouldLabelACampaignWithoutText() throws Exception {
        pipeline.post("p1", "facebook", "id", "LURE kerja @hr_c", 0);
        String campaign = CampaignIds.propose("facebook:p1", PipelineDriver.T0);

        pipeline.pipe(INDONESIA, "{\"campaign_id\":\"" + campaign + "\",\"verdict\":\"confirmed\"}",
                PipelineDriver.T0.plusSeconds(3600));

        LabelledVerdict verdict = Json.mapper().readValue(pipeline.output("feedback.labelled").readValue(), LabelledVerdict.class);
        assertThat(verdict.postKeys()).containsExactly("facebook:p1");
        assertThat(verdict.example()).isNull();
    }

    @Test
    void shouldReadEveryHotlinesVerdictTopicAndNoLongerTheSharedOne() {
        assertThatThrownBy(() -> pipeline.pipe("feedback", "{\"post_key\":\"facebook:p1\",\"verdict\":\"confirmed\"}"))
                .as("the shared topic is no source any more").hasMessageContaining("Unknown topic");
        for (String hotline : org.lurewatch.alert.RoutesLoader.loadBundled().hotlineIds()) {
            pipeline.pipe("feedback.hotline." + hotline, "{\"post_key\":\"facebook:none\",\"verdict\":\"confirmed\"}");
        }
        assertThat(pipeline.output("feedback.labelled").readValuesToList()).hasSize(8);
    }

    private void verdict(String topic, String json) {
        pipeline.pipe(topic, json, PipelineDriver.T0.plusSeconds(60));
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
