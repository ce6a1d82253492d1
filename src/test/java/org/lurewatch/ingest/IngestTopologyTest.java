package org.lurewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lurewatch.app.PipelineDriver;
import org.lurewatch.assess.ScoredPost;
import org.lurewatch.kafka.Json;

class IngestTopologyTest {
    private final PipelineDriver pipeline = new PipelineDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void shouldScoreAValidPostKeyedBySourceAndId() throws Exception {
        pipeline.pipe("feeds.social", PipelineDriver.post("p1", "facebook", "id", "LURE kerja di Kamboja"));

        var scored = pipeline.output("posts.scored").readRecordsToList();
        assertThat(scored).hasSize(1);
        assertThat(scored.get(0).key()).isEqualTo("facebook:p1");
        ScoredPost value = Json.mapper().readValue(scored.get(0).value(), ScoredPost.class);
        assertThat(value.post().text()).isEqualTo("LURE kerja di Kamboja");
        assertThat(value.assessment().modelVersion()).isEqualTo("test-1");
        assertThat(pipeline.deadLetters()).isEmpty();
    }

    @Test
    void shouldReadEveryFeedTopic() {
        pipeline.pipe("feeds.jobads", "{\"id\":\"j1\",\"source\":\"jobstreet\",\"kind\":\"job_ad\",\"title\":\"CS\",\"text\":\"hello\"}");
        pipeline.pipe("feeds.social", PipelineDriver.post("s1", "tiktok", "vi", "hello"));
        pipeline.pipe("partner-flags.line", "{\"id\":\"f1\",\"source\":\"line\",\"kind\":\"partner_flag\",\"text\":\"hello\"}");

        assertThat(pipeline.output("posts.scored").readKeyValuesToMap())
                .containsOnlyKeys("jobstreet:j1", "tiktok:s1", "line:f1");
    }

    @Test
    void shouldTakeTheFlagsPartnerFromItsTopicNeverFromThePayload() throws Exception {
        pipeline.pipe("partner-flags.tiktok", "{\"id\":\"f2\",\"source\":\"tiktok\",\"kind\":\"partner_flag\","
                + "\"partner_id\":\"tiktok\",\"text\":\"hello\"}");
        pipeline.pipe("feeds.social", "{\"id\":\"s2\",\"source\":\"tiktok\",\"kind\":\"social_post\","
                + "\"partner_id\":\"tiktok\",\"text\":\"hello\"}");

        var scored = pipeline.output("posts.scored").readKeyValuesToMap();
        assertThat(Json.mapper().readValue(scored.get("tiktok:f2"), ScoredPost.class).post().partnerId()).isEqualTo("tiktok");
        assertThat(Json.mapper().readValue(scored.get("tiktok:s2"), ScoredPost.class).post().partnerId()).as("a feed post")
                .isNull();
    }

    @Test
    void shouldDeadLetterAFlagThatNamesAnotherPartnerThanItsTopic() {
        assertDeadLetter("partner-flags.line", ("{\"id\":\"x\",\"source\":\"line\",\"kind\":\"partner_flag\","
                + "\"partner_id\":\"tiktok\",\"text\":\"hi\"}").getBytes(StandardCharsets.UTF_8), "partner_mismatch");
    }

    @Test
    void shouldDeadLetterAPartnerFlagOutsideAPartnersTopic() {
        assertDeadLetter("feeds.social", ("{\"id\":\"x\",\"source\":\"line\",\"kind\":\"partner_flag\","
                + "\"partner_id\":\"line\",\"text\":\"hi\"}").getBytes(StandardCharsets.UTF_8), "partner_mismatch");
    }

    @Test
    void shouldDeadLetterBytesThatAreNotJson() {
        assertDeadLetter("feeds.social", "this is not json".getBytes(StandardCharsets.UTF_8), "not_json");
    }

    @Test
    void shouldDeadLetterInvalidUtf8() {
        assertDeadLetter("feeds.jobads", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, "invalid_utf8");
    }

    @Test
    void shouldDeadLetterJsonThatBreaksTheSchema() {
        assertDeadLetter("feeds.social", "{\"id\":\"x\",\"source\":\"facebook\",\"kind\":\"tweet\",\"text\":\"hi\"}"
                .getBytes(StandardCharsets.UTF_8), "schema_violation");
    }

    @Test
    void shouldDeadLetterAPostWithoutText() {
        assertDeadLetter("feeds.social", "{\"id\":\"x\",\"source\":\"facebook\",\"kind\":\"social_post\"}"
                .getBytes(StandardCharsets.UTF_8), "schema_violation");
    }

    @Test
    void shouldDeadLetterAnythingButAFlagOnAFlagsTopic() {
        assertDeadLetter("partner-flags.line", PipelineDriver.post("x", "line", "en", "hi")
                .getBytes(StandardCharsets.UTF_8), "partner_mismatch");
    }

    @Test
    void shouldDeadLetterOversizedText() {
        String text = "a".repeat(PipelineDriver.MAX_TEXT_CHARS + 1);
        assertDeadLetter("feeds.social", PipelineDriver.post("big", "facebook", "en", text)
                .getBytes(StandardCharsets.UTF_8), "oversized");
    }

    @Test
    void shouldDeadLetterAnEmptyRecord() {
        assertDeadLetter("feeds.social", new byte[0], "empty");
    }

    @Test
    void shouldDeadLetterAPostTheScorerCannotScoreWithItsOriginalBytes() {
        assertDeadLetter("feeds.social", PipelineDriver.post("b1", "facebook", "en", "BOOM")
                .getBytes(StandardCharsets.UTF_8), "scoring_failed");
    }

    @Test
    void shouldKeepGoingAfterBadInput() {
        pipeline.pipe("feeds.social", "garbage");
        pipeline.pipe("feeds.social", PipelineDriver.post("ok", "facebook", "en", "hello"));

        assertThat(pipeline.output("posts.scored").readKeyValuesToMap()).containsOnlyKeys("facebook:ok");
        assertThat(pipeline.deadLetters()).hasSize(1);
    }

    private void assertDeadLetter(String topic, byte[] value, String reason) {
        pipeline.pipe(topic, value);

        List<TestRecord<byte[], byte[]>> letters = pipeline.deadLetters();
        assertThat(letters).hasSize(1);
        TestRecord<byte[], byte[]> letter = letters.get(0);
        assertThat(letter.value()).isEqualTo(value);
        assertThat(DeadLetterHeaders.get(letter.headers(), DeadLetterHeaders.REASON)).isEqualTo(reason);
        assertThat(DeadLetterHeaders.get(letter.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(topic);
        assertThat(DeadLetterHeaders.get(letter.headers(), DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(DeadLetterHeaders.get(letter.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(DeadLetterHeaders.get(letter.headers(), DeadLetterHeaders.DETAIL)).isNotBlank();
        assertThat(pipeline.output("posts.scored").isEmpty()).isTrue();
    }
}
