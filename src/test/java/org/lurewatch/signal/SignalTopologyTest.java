package org.lurewatch.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lurewatch.app.PipelineDriver;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;

/**
 * The signals step inside the whole topology (TopologyTestDriver, keyword scorer): posts go in as feeds, verdicts as
 * feedback, and what partners would see comes out on {@code signals}.
 */
class SignalTopologyTest {
    private static final Instant T0 = PipelineDriver.T0;
    private final PipelineDriver pipeline = new PipelineDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void shouldPublishAContactConfirmedByAHotlineWithNothingOfThePost() throws Exception {
        pipeline.post("p1", "facebook", "id", "LURE kerja Kamboja gaji besar @hr_kamboja", 0);
        pipeline.post("p2", "tiktok", "id", "LURE kerja @hr_kamboja lagi", 30);

        verdict("{\"post_key\":\"facebook:p1\",\"verdict\":\"confirmed\",\"hotline\":\"indonesia\",\"at\":\"2026-11-23T12:00:00Z\"}", 120);

        List<KeyValue<String, String>> records = signals();
        assertThat(records).singleElement().satisfies(record -> {
            Signal signal = Json.mapper().readValue(record.value, Signal.class);
            assertThat(record.key).isEqualTo(Signal.idOf("telegram:hr_kamboja")).isEqualTo(signal.id());
            assertThat(signal).isEqualTo(new Signal(signal.id(), "hr_kamboja", "telegram", Signal.RECRUITMENT, T0,
                    T0.plus(Duration.ofMinutes(30)), 75, Signal.ACTIVE, 1, null));
            assertThat(record.value).doesNotContain("facebook", "p1", "indonesia", "kerja", "tiktok");
        });
    }

    @Test
    void shouldNeverPublishAContactSeenInADistressPost() {
        pipeline.post("d1", "facebook", "tl", "HELP my brother was taken, the agent @agent_rio has his passport", 0);
        pipeline.post("p1", "facebook", "tl", "LURE trabaho abroad @agent_rio", 10);

        verdict("{\"post_key\":\"facebook:p1\",\"verdict\":\"confirmed\",\"hotline\":\"philippines\"}", 60);
        verdict("{\"post_key\":\"facebook:p1\",\"verdict\":\"confirmed\",\"hotline\":\"regional\"}", 70);

        assertThat(signals()).isEmpty();
    }

    @Test
    void shouldWithdrawASignalAfterAFalsePositiveOrADistressSighting() throws Exception {
        pipeline.post("p1", "facebook", "id", "LURE @hr_one WA +6281234567890", 0);
        verdict("{\"post_key\":\"facebook:p1\",\"verdict\":\"confirmed\",\"hotline\":\"indonesia\"}", 10);
        assertThat(signals()).extracting(r -> status(r.value)).containsExactly("active", "active");

        verdict("{\"post_key\":\"facebook:p1\",\"verdict\":\"false_positive\",\"hotline\":\"indonesia\"}", 20);
        pipeline.post("d1", "facebook", "id", "HELP my sister called +6281234567890 and cried", 30);

        List<KeyValue<String, String>> withdrawn = signals();
        assertThat(withdrawn).extracting(r -> status(r.value)).containsExactly("withdrawn", "withdrawn");
        assertThat(withdrawn).extracting(r -> Json.mapper().readValue(r.value, Signal.class).revision()).containsOnly(2L);
        verdict("{\"post_key\":\"facebook:p1\",\"verdict\":\"confirmed\",\"hotline\":\"indonesia\"}", 40);
        assertThat(signals()).as("confirmed again, but a contact once seen in distress stays out")
                .extracting(r -> Json.mapper().readValue(r.value, Signal.class).signal()).containsExactly("hr_one");
    }

    @Test
    void shouldRaiseConfidenceWhenASecondHotlineConfirms() throws Exception {
        pipeline.post("p1", "facebook", "id", "LURE @hr_two", 0);
        verdict("{\"post_key\":\"facebook:p1\",\"verdict\":\"confirmed\",\"hotline\":\"indonesia\"}", 10);
        verdict("{\"post_key\":\"facebook:p1\",\"verdict\":\"confirmed\",\"hotline\":\"vietnam\"}", 20);

        assertThat(signals()).extracting(r -> Json.mapper().readValue(r.value, Signal.class).confidence()).containsExactly(75, 90);
    }

    @Test
    void shouldMoveLastSeenAtMostHourly() throws Exception {
        pipeline.post("p1", "facebook", "id", "LURE @hr_three", 0);
        verdict("{\"post_key\":\"facebook:p1\",\"verdict\":\"confirmed\",\"hotline\":\"indonesia\"}", 1);
        assertThat(signals()).hasSize(1);

        pipeline.post("p2", "facebook", "id", "LURE again @hr_three", 30);
        assertThat(signals()).as("within the hour").isEmpty();
        pipeline.post("p3", "facebook", "id", "LURE once more @hr_three", 90);
        assertThat(signals()).singleElement().satisfies(record ->
                assertThat(Json.mapper().readValue(record.value, Signal.class).lastSeen()).isEqualTo(T0.plus(Duration.ofMinutes(90))));
    }

    @Test
    void shouldPublishNothingFromAVerdictOnAJobScamPost() {
        // Job scams never reach a hotline, and feedback watchlists only the contacts of a judged lure post or
        // campaign: a verdict on a job-scam post is labelled data, not a signal.
        pipeline.post("j1", "jobstreet", "en", "TASKS like videos earn daily @task_boss", 0);
        verdict("{\"post_key\":\"jobstreet:j1\",\"verdict\":\"confirmed\",\"hotline\":\"thailand\"}", 60);

        assertThat(signals()).isEmpty();
    }

    /** A verdict as the hotline named in {@code json} sends it: on its own topic, without the hotline field. */
    private void verdict(String json, int minutes) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode verdict =
                    (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(json);
            String hotline = verdict.remove("hotline").asText();
            pipeline.pipe(Topics.defaults().hotlineFeedback(hotline), verdict.toString(), T0.plus(Duration.ofMinutes(minutes)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<KeyValue<String, String>> signals() {
        return pipeline.output("signals").readKeyValuesToList();
    }

    private static String status(String json) throws Exception {
        return Json.mapper().readTree(json).get("status").asText();
    }

    private static Signal read(String json) {
        try {
            return Json.mapper().readValue(json, Signal.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
