package org.lurewatch.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lurewatch.app.PipelineDriver;
import org.lurewatch.campaign.CampaignIds;
import org.lurewatch.ingest.DeadLetterHeaders;
import org.lurewatch.kafka.Json;

class FeedbackTopologyTest {
    private final PipelineDriver pipeline = new PipelineDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void shouldKeepTheLatestVerdictPerContactInTheWatchlist() {
        pipeline.pipe("feedback", "{\"post_key\":\"facebook:p1\",\"contacts\":[\"telegram:hr_kamboja\",\"whatsapp:+6281234567890\"],"
                + "\"verdict\":\"confirmed\",\"hotline\":\"indonesia\",\"at\":\"2026-11-23T10:00:00Z\"}");
        pipeline.pipe("feedback", "{\"contacts\":[\"telegram:hr_kamboja\"],\"verdict\":\"false_positive\",\"hotline\":\"regional\"}");

        KeyValueStore<String, WatchlistEntry> store = pipeline.driver().getKeyValueStore(FeedbackTopology.WATCHLIST_STORE);
        assertThat(store.get("telegram:hr_kamboja").verdict()).isEqualTo(Verdict.FALSE_POSITIVE);
        assertThat(store.get("whatsapp:+6281234567890").verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(pipeline.output("watchlist").readKeyValuesToList()).hasSize(3);
    }

    @Test
    void shouldDeadLetterUnreadableFeedback() {
        pipeline.pipe("feedback", "{\"verdict\":\"maybe\",\"contacts\":[\"telegram:x\"]}");
        pipeline.pipe("feedback", "{\"verdict\":\"confirmed\"}");

        var letters = pipeline.deadLetters();
        assertThat(letters).hasSize(2);
        assertThat(DeadLetterHeaders.get(letters.get(0).headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("feedback");
        assertThat(pipeline.output("watchlist").isEmpty()).isTrue();
    }

    @Test
    void shouldApplyAVerdictOnACampaignToAllItsContactsAndKeepItAsLabelledData() throws Exception {
        pipeline.post("p1", "facebook", "id", "LURE kerja @hr_a", 0);
        pipeline.post("p2", "tiktok", "id", "LURE kerja @hr_a WA +6281234567890", 1);
        String campaign = CampaignIds.propose("facebook:p1", PipelineDriver.T0);

        pipeline.pipe("feedback", "{\"campaign_id\":\"" + campaign + "\",\"verdict\":\"confirmed\",\"hotline\":\"indonesia\","
                + "\"at\":\"2026-11-24T08:00:00Z\"}", PipelineDriver.T0.plusSeconds(3600));

        assertThat(pipeline.output("watchlist").readKeyValuesToMap())
                .containsOnlyKeys("telegram:hr_a", "whatsapp:+6281234567890");
        List<KeyValue<String, String>> labelled = pipeline.output("feedback.labelled").readKeyValuesToList();
        assertThat(labelled).singleElement().satisfies(record -> assertThat(record.key).isEqualTo("campaign:" + campaign));
        LabelledVerdict verdict = Json.mapper().readValue(labelled.get(0).value, LabelledVerdict.class);
        assertThat(verdict.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(verdict.postKeys()).containsExactly("facebook:p1", "tiktok:p2");
        assertThat(verdict.contacts()).containsExactly("telegram:hr_a", "whatsapp:+6281234567890");
        assertThat(verdict.subjectKnown()).isTrue();
        assertThat(verdict.at()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(pipeline.deadLetters()).isEmpty();
    }

    @Test
    void shouldRemoveAContactFromTheWatchlistWhenItsVerdictExpires() {
        pipeline.pipe("feedback", "{\"contacts\":[\"telegram:hr_x\"],\"verdict\":\"confirmed\",\"hotline\":\"indonesia\"}");
        pipeline.pipe("feedback", "{\"contacts\":[\"telegram:hr_x\"],\"verdict\":\"expired\",\"hotline\":\"indonesia\"}");

        List<KeyValue<String, String>> changes = pipeline.output("watchlist").readKeyValuesToList();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).value).as("a tombstone").isNull();
        KeyValueStore<String, WatchlistEntry> store = pipeline.driver().getKeyValueStore(FeedbackTopology.WATCHLIST_STORE);
        assertThat(store.get("telegram:hr_x")).isNull();
        assertThat(pipeline.output("feedback.labelled").readValuesToList()).hasSize(2);
    }

    @Test
    void shouldNeverWatchlistTheContactsOfADistressPost() throws Exception {
        pipeline.post("d1", "facebook", "id", "HELP anak saya, hubungi saya +6281234567890", 0);

        pipeline.pipe("feedback", "{\"post_key\":\"facebook:d1\",\"verdict\":\"false_positive\",\"hotline\":\"indonesia\"}",
                PipelineDriver.T0.plusSeconds(60));

        assertThat(pipeline.output("watchlist").isEmpty()).isTrue();
        LabelledVerdict verdict = Json.mapper().readValue(pipeline.output("feedback.labelled").readValue(), LabelledVerdict.class);
        assertThat(verdict.postKeys()).containsExactly("facebook:d1");
        assertThat(verdict.contacts()).isEmpty();
        assertThat(verdict.subjectKnown()).isFalse();
    }
}
