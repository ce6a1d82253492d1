package org.lurewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicCatalogueTest {

    private static final String SOURCE = "test.yaml";

    @Test
    void shouldLoadEveryTopicFromTheBundledCatalogue() {
        TopicCatalogue catalogue = TopicCatalogue.loadBundled();

        assertThat(catalogue.names()).containsExactly("feeds.jobads", "feeds.social", "partner-flags.{partner}",
                "deadletter", "posts.scored", "campaigns", "campaign-commands", "feedback.hotline.{hotline}",
                "watchlist", "feedback.labelled", "models.shadow", "console.reads", "signals", "webhooks.deadletter",
                "alerts.hotline.{hotline}",
                "alerts.partner.{partner}");
        assertThat(catalogue.names()).as("every fixed topic the app uses is catalogued")
                .containsAll(Topics.defaults().fixedNames());
        assertThat(catalogue.topics()).allSatisfy(spec -> {
            assertThat(spec.writers()).isNotEmpty();
            assertThat(spec.readers()).isNotEmpty();
            assertThat(spec.description()).isNotBlank();
        });
    }

    @Test
    void shouldDescribeInputsScoredPostsAndAlertsAsTheDesignSays() {
        TopicCatalogue catalogue = TopicCatalogue.loadBundled();

        for (String input : List.of("feeds.jobads", "feeds.social", "partner-flags.{partner}", "posts.scored")) {
            assertThat(catalogue.topic(input).partitions()).as(input).isEqualTo(3);
        }
        assertThat(catalogue.topic("alerts.hotline.{hotline}").partitions()).isEqualTo(1);
        assertThat(catalogue.topic("alerts.partner.{partner}").partitions()).isEqualTo(1);
        assertThat(catalogue.topic("deadletter").retentionMs()).hasValue(Duration.ofDays(30).toMillis());
        assertThat(catalogue.topic("deadletter").cleanupPolicy()).isEqualTo("delete");
        for (String compacted : List.of("campaigns", "watchlist")) {
            assertThat(catalogue.topic(compacted).cleanupPolicy()).as(compacted).isEqualTo("compact");
            assertThat(catalogue.topic(compacted).retentionMs()).as(compacted).isEmpty();
        }
    }

    @Test
    void shouldBundleTheSameCatalogueAsTheFileInTopology() {
        TopicCatalogue file = TopicCatalogue.load(Path.of("topology", "topics.yaml"));

        assertThat(TopicCatalogue.loadBundled().topics()).isEqualTo(file.topics());
    }

    @Test
    void shouldLeaveReplicationFactorToTheBrokerWhenTheCatalogueDoesNotSetIt() {
        TopicSpec spec = TopicCatalogue.loadBundled().topic("feeds.jobads");

        assertThat(spec.replicationFactor()).isEqualTo(TopicSpec.BROKER_DEFAULT_REPLICATION_FACTOR);
        assertThat(spec.toNewTopic().replicationFactor()).isEqualTo((short) -1);
    }

    @Test
    void shouldSetTheReplicationFactorOfEveryTopic() {
        TopicCatalogue catalogue = TopicCatalogue.loadBundled().withReplicationFactor((short) 3);

        assertThat(catalogue.topics()).extracting(TopicSpec::replicationFactor).containsOnly((short) 3);
    }

    @Test
    void shouldExpandHotlineAndPartnerFamiliesIntoOneTopicPerId() {
        TopicCatalogue expanded = TopicCatalogue.loadBundled()
                .expand(List.of("id-lawa", "ph-iacat"), List.of("jobstreet"));

        assertThat(expanded.hasTemplates()).isFalse();
        assertThat(expanded.names()).endsWith("alerts.hotline.id-lawa", "alerts.hotline.ph-iacat", "alerts.partner.jobstreet");
        TopicSpec hotline = expanded.topic("alerts.hotline.ph-iacat");
        TopicSpec template = TopicCatalogue.loadBundled().topic("alerts.hotline.{hotline}");
        assertThat(hotline).isEqualTo(template.withName("alerts.hotline.ph-iacat"));
    }

    @Test
    void shouldExpandAFamilyWithoutIdsIntoNoTopics() {
        TopicCatalogue expanded = TopicCatalogue.loadBundled().expand(List.of(), List.of("jobstreet"));

        assertThat(expanded.names()).noneMatch(name -> name.startsWith("alerts.hotline."));
        assertThat(expanded.names()).contains("alerts.partner.jobstreet", "feeds.jobads");
    }

    @Test
    void shouldCountARepeatedIdOnce() {
        TopicCatalogue expanded = TopicCatalogue.loadBundled().expand(List.of("vn-bds", "vn-bds"), List.of());

        assertThat(expanded.names()).containsOnlyOnce("alerts.hotline.vn-bds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "la os", "th/hotline", "ไทย"})
    void shouldRejectAnIdThatMakesAnIllegalTopicName(String id) {
        TopicCatalogue catalogue = TopicCatalogue.loadBundled();

        assertThatThrownBy(() -> catalogue.expand(List.of(id), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hotline id");
    }

    @Test
    void shouldRefuseToCreateATemplate() {
        TopicSpec template = TopicCatalogue.loadBundled().topic("alerts.partner.{partner}");

        assertThatThrownBy(template::toNewTopic).hasMessageContaining("alerts.partner.{partner} is a template");
    }

    @ParameterizedTest
    @CsvSource({
            "7d, 604800000",
            "12h, 43200000",
            "30m, 1800000",
            "45s, 45000",
            "500ms, 500",
            "'\"86400000\"', 86400000",
            "86400000, 86400000",
            "forever, -1"})
    void shouldReadRetentionAsMilliseconds(String retention, long expectedMs) {
        TopicSpec spec = single(topic("retention: " + retention));

        assertThat(spec.retentionMs()).hasValue(expectedMs);
        assertThat(spec.cleanupPolicy()).isEqualTo("delete");
    }

    @Test
    void shouldReadCompactRetentionAsACompactedTopicWithoutTimeLimit() {
        TopicSpec spec = single(topic("retention: compact"));

        assertThat(spec.cleanupPolicy()).isEqualTo("compact");
        assertThat(spec.configs()).doesNotContainKey("retention.ms");
    }

    @Test
    void shouldAcceptCompactionWithTimeLimit() {
        TopicSpec spec = single(topic("retention: 30d\n    cleanupPolicy: delete, compact"));

        assertThat(spec.cleanupPolicy()).isEqualTo("compact,delete");
        assertThat(spec.retentionMs()).hasValue(Duration.ofDays(30).toMillis());
    }

    @Test
    void shouldPassFurtherConfigsThroughAsText() {
        TopicSpec spec = single(topic("retention: 1d\n    configs:\n      max.message.bytes: 2097152"));

        assertThat(spec.configs()).containsEntry("max.message.bytes", "2097152");
    }

    @Test
    void shouldTakeTheFileWideReplicationFactorUnlessATopicSetsItsOwn() {
        TopicCatalogue catalogue = TopicCatalogue.parse("""
                replicationFactor: 3
                topics:
                  - name: a
                    partitions: 1
                    retention: 1d
                    writers: [w]
                    readers: [r]
                    description: d
                  - name: b
                    partitions: 1
                    retention: 1d
                    replicationFactor: 2
                    writers: [w]
                    readers: [r]
                    description: d
                """, SOURCE);

        assertThat(catalogue.topic("a").replicationFactor()).isEqualTo((short) 3);
        assertThat(catalogue.topic("b").replicationFactor()).isEqualTo((short) 2);
    }

    @Test
    void shouldNameFileTopicAndFieldForAnUnknownField() {
        assertThatThrownBy(() -> parse(topic("retention: 1d\n    partition: 3")))
                .isInstanceOfSatisfying(TopicCatalogueException.class, e -> {
                    assertThat(e.source()).isEqualTo(SOURCE);
                    assertThat(e.topic()).hasValue("'t'");
                    assertThat(e.field()).hasValue("partition");
                })
                .hasMessage("test.yaml: topic 't': field 'partition': is not a known field; known fields are "
                        + "name, partitions, retention, cleanupPolicy, replicationFactor, configs, writers, readers, description");
    }

    @Test
    void shouldNameThePositionOfATopicWithoutName() {
        assertThatThrownBy(() -> parse("""
                topics:
                  - partitions: 1
                    retention: 1d
                    writers: [w]
                    readers: [r]
                    description: d
                """))
                .hasMessage("test.yaml: topic #1: field 'name': is missing; every topic needs a name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2"})
    void shouldRejectFewerThanOnePartition(String partitions) {
        assertThatThrownBy(() -> parse(topic("retention: 1d", partitions)))
                .hasMessage("test.yaml: topic 't': field 'partitions': must be at least 1, was " + partitions);
    }

    @Test
    void shouldRejectPartitionsThatAreNotAWholeNumber() {
        assertThatThrownBy(() -> parse(topic("retention: 1d", "three")))
                .hasMessage("test.yaml: topic 't': field 'partitions': must be a whole number, found 'three'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"seven days", "7 weeks", "0", "0d", "-5", "true", "[1d]"})
    void shouldRejectABadRetention(String retention) {
        assertThatThrownBy(() -> parse(topic("retention: " + retention)))
                .isInstanceOf(TopicCatalogueException.class)
                .hasMessageStartingWith("test.yaml: topic 't': field 'retention': must be a duration such as 7d");
    }

    @Test
    void shouldRejectCompactRetentionWithDeletePolicy() {
        assertThatThrownBy(() -> parse(topic("retention: compact\n    cleanupPolicy: delete")))
                .hasMessageStartingWith("test.yaml: topic 't': field 'cleanupPolicy': is 'delete' but retention is 'compact'");
    }

    @Test
    void shouldRejectATimeLimitOnACompactOnlyTopic() {
        assertThatThrownBy(() -> parse(topic("retention: 7d\n    cleanupPolicy: compact")))
                .hasMessageStartingWith("test.yaml: topic 't': field 'cleanupPolicy': is 'compact', which never deletes by time");
    }

    @Test
    void shouldRejectRetentionSetThroughConfigs() {
        assertThatThrownBy(() -> parse(topic("retention: 7d\n    configs:\n      retention.ms: 1000")))
                .hasMessage("test.yaml: topic 't': field 'configs.retention.ms': is set by the topic's 'retention' "
                        + "field; set it there instead");
    }

    @Test
    void shouldRejectAMissingRetention() {
        assertThatThrownBy(() -> parse("""
                topics:
                  - name: t
                    partitions: 1
                    writers: [w]
                    readers: [r]
                    description: d
                """))
                .hasMessage("test.yaml: topic 't': field 'retention': is missing");
    }

    @Test
    void shouldRejectAnEmptyReadersList() {
        assertThatThrownBy(() -> parse("""
                topics:
                  - name: t
                    partitions: 1
                    retention: 1d
                    writers: [w]
                    readers: []
                    description: d
                """))
                .hasMessageStartingWith("test.yaml: topic 't': field 'readers': must be a non-empty list");
    }

    @Test
    void shouldRejectAnUnknownPlaceholder() {
        assertThatThrownBy(() -> parse(topic("retention: 1d").replace("name: t", "name: alerts.ngo.{ngo}")))
                .hasMessageStartingWith("test.yaml: topic 'alerts.ngo.{ngo}': field 'name': has unknown placeholder {ngo}");
    }

    @Test
    void shouldRejectAnIllegalTopicName() {
        assertThatThrownBy(() -> parse(topic("retention: 1d").replace("name: t", "name: posts scored")))
                .hasMessageStartingWith("test.yaml: topic 'posts scored': field 'name': is not a legal Kafka topic name");
    }

    @Test
    void shouldRejectATopicListedTwice() {
        String twice = topic("retention: 1d") + topic("retention: 2d").replace("topics:\n", "");

        assertThatThrownBy(() -> parse(twice))
                .hasMessage("test.yaml: topic 't': field 'name': appears twice (topics #1 and #2)");
    }

    @Test
    void shouldRejectNamesThatCollideInKafka() {
        String both = topic("retention: 1d").replace("name: t", "name: posts.scored")
                + topic("retention: 1d").replace("topics:\n", "").replace("name: t", "name: posts_scored");

        assertThatThrownBy(() -> parse(both))
                .hasMessageContaining("collides with topic 'posts.scored'");
    }

    @Test
    void shouldRejectAKeyWrittenTwice() {
        assertThatThrownBy(() -> parse(topic("retention: 1d\n    retention: 2d")))
                .hasMessageStartingWith("test.yaml: is not valid YAML: Duplicate field 'retention'");
    }

    @Test
    void shouldGiveTheLineOfAYamlSyntaxError() {
        assertThatThrownBy(() -> parse("topics:\n  - name: [unclosed\n"))
                .hasMessageStartingWith("test.yaml: is not valid YAML:")
                .hasMessageContaining("(line ");
    }

    @Test
    void shouldRejectAnEmptyFile() {
        assertThatThrownBy(() -> parse("# nothing here\n"))
                .hasMessage("test.yaml: is empty; expected a 'topics' list");
    }

    @Test
    void shouldRejectAnUnknownTopLevelField() {
        assertThatThrownBy(() -> parse("topic: []\n"))
                .hasMessage("test.yaml: field 'topic': is not a known field; known fields are topics, replicationFactor");
    }

    @Test
    void shouldNameAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("topics.yaml");

        assertThatThrownBy(() -> TopicCatalogue.load(missing))
                .hasMessage(missing + ": does not exist");
    }

    @Test
    void shouldNameTheFileItLoadedFrom(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("topics.yaml"), topic("retention: bogus"));

        assertThatThrownBy(() -> TopicCatalogue.load(file))
                .hasMessageStartingWith(file + ": topic 't': field 'retention'");
    }

    private static String topic(String extraLines) {
        return topic(extraLines, "1");
    }

    /** A valid one-topic catalogue named "t" with the given extra fields (indented 4 spaces). */
    private static String topic(String extraLines, String partitions) {
        return """
                topics:
                  - name: t
                    partitions: %s
                    writers: [w]
                    readers: [r]
                    description: d
                    %s
                """.formatted(partitions, extraLines);
    }

    private static TopicCatalogue parse(String yaml) {
        return TopicCatalogue.parse(yaml, SOURCE);
    }

    private static TopicSpec single(String yaml) {
        return parse(yaml).topics().get(0);
    }
}
