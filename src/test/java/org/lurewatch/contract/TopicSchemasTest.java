package org.lurewatch.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lurewatch.app.PipelineDriver;
import org.lurewatch.feedback.Verdict;
import org.lurewatch.feedback.VerdictMessage;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;

/**
 * Every record the topology writes to a contract topic conforms to its committed schema under
 * {@code topology/schemas/}: the whole topology runs over the demo feed, the campaign feed and keyword posts that make
 * every alert type ({@link ContractFeed}), and each value on posts.scored, campaigns, every alerts.hotline.* and
 * alerts.partner.* topic, feedback.labelled and signals, and each verdict piped to feedback.hotline.*, is validated.
 * The last tests show the schemas can fail: a record without a required field, or with a camelCase name, is rejected.
 */
class TopicSchemasTest {
    private static final Topics TOPICS = Topics.defaults();
    private static final TopicSchemas SCHEMAS = new TopicSchemas(TOPICS);
    private static Map<String, List<String>> written;

    @BeforeAll
    static void runTheTopology() {
        written = ContractFeed.run();
    }

    @Test
    void shouldValidateEveryRecordWrittenToAContractTopic() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, List<String>> topic : written.entrySet()) {
            Optional<String> file = SCHEMAS.fileFor(topic.getKey());
            if (file.isEmpty()) {
                continue;
            }
            for (String value : topic.getValue()) {
                if (value == null) {
                    continue; // a tombstone (campaigns), which no schema describes
                }
                checked++;
                List<String> problems = SCHEMAS.problems(file.get(), PipelineDriver.json(value));
                if (!problems.isEmpty()) {
                    failures.add(topic.getKey() + " against " + file.get() + ": " + problems + "\n    in " + value);
                }
            }
        }
        assertThat(failures).as("records that break their topic's schema").isEmpty();
        assertThat(checked).as("records checked").isGreaterThan(150);
    }

    @Test
    void shouldHaveWrittenEveryContractTopicAndEveryAlertType() {
        assertThat(written).containsKeys(TOPICS.scored(), TOPICS.campaigns(), TOPICS.labelled(), TOPICS.signals(),
                TOPICS.hotlineFeedback("indonesia"), TOPICS.hotlineFeedback("philippines"));
        TreeSet<String> seen = new TreeSet<>();
        written.forEach((topic, values) -> values.stream().filter(v -> v != null && topic.startsWith("alerts.")).forEach(v -> {
            JsonNode event = PipelineDriver.json(v);
            String side = topic.startsWith(TOPICS.hotlineAlertPrefix()) ? "hotline " : "partner ";
            seen.add(side + event.get("type").asText() + event.path("data").path("alert").asText(""));
        }));
        assertThat(seen).containsExactlyInAnyOrder(
                "hotline org.lurewatch.alert.lure.v1new",
                "hotline org.lurewatch.alert.campaign-update.v1update",
                "hotline org.lurewatch.alert.distress.v1",
                "partner org.lurewatch.alert.lure.v1",
                "partner org.lurewatch.alert.job_scam.v1");
        assertThat(written.get(TOPICS.signals())).isNotEmpty();
        assertThat(written.get(TOPICS.labelled())).isNotEmpty();
    }

    @Test
    void shouldValidateAVerdictAsTheConsoleWritesIt() throws Exception {
        String json = Json.mapper().writeValueAsString(new VerdictMessage("facebook:p1", null, Verdict.CONFIRMED, "ana",
                "0b8e3a52-0a4e-5d6f-9a37-5c3f6d2b8e11", "spoke to the family", Instant.parse("2026-11-23T12:00:00Z")));

        assertThat(SCHEMAS.problems("verdict.schema.json", PipelineDriver.json(json))).isEmpty();
        assertThat(SCHEMAS.problems("verdict.schema.json", PipelineDriver.json("{\"verdict\":\"confirmed\"}")))
                .as("a verdict that names neither a post nor a campaign").isNotEmpty();
    }

    @Test
    void shouldRejectARecordWithoutARequiredField() {
        assertRejectedWithout(TOPICS.scored(), "assessment", "model_version");
        assertRejectedWithout(TOPICS.campaigns(), null, "id");
        assertRejectedWithout(TOPICS.labelled(), null, "hotline");
        assertRejectedWithout(TOPICS.signals(), null, "status");
        assertRejectedWithout(TOPICS.hotlineFeedback("indonesia"), null, "verdict");
        assertRejectedWithout(firstTopicStartingWith(TOPICS.hotlineAlertPrefix()), "data", "recommended_action");
        assertRejectedWithout(firstTopicStartingWith(TOPICS.partnerAlertPrefix()), "data", "model_version");
    }

    @Test
    void shouldRejectACamelCaseFieldName() {
        ObjectNode scored = (ObjectNode) PipelineDriver.json(written.get(TOPICS.scored()).get(0));
        ObjectNode assessment = (ObjectNode) scored.get("assessment");
        assessment.set("modelVersion", assessment.remove("model_version"));

        assertThat(SCHEMAS.problems("posts.scored.schema.json", scored)).anySatisfy(problem ->
                assertThat(problem).contains("modelVersion"));
    }

    private static void assertRejectedWithout(String topic, String parent, String field) {
        String file = SCHEMAS.fileFor(topic).orElseThrow();
        JsonNode record = PipelineDriver.json(written.get(topic).stream().filter(v -> v != null).findFirst().orElseThrow());
        assertThat(SCHEMAS.problems(file, record)).as("the record as written to %s", topic).isEmpty();

        ObjectNode holder = (ObjectNode) (parent == null ? record : record.get(parent));
        assertThat(holder.remove(field)).as("%s has %s", topic, field).isNotNull();
        assertThat(SCHEMAS.problems(file, record)).as("%s without %s", topic, field)
                .anySatisfy(problem -> assertThat(problem).contains(field));
    }

    private static String firstTopicStartingWith(String prefix) {
        return written.keySet().stream().filter(t -> t.startsWith(prefix)).sorted().findFirst().orElseThrow();
    }
}
