package org.lurewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lurewatch.testing.KafkaBrokerExtension;

class TopicAdminIT {

    @RegisterExtension
    static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @Test
    void shouldCreateTheExpandedCatalogueAndNothingOnASecondRun() throws Exception {
        TopicCatalogue catalogue = TopicCatalogue.loadBundled().expand(List.of("ph-iacat", "id-lawa"), List.of("jobstreet"));

        TopicReport first = TopicAdmin.ensure(kafka.admin(), catalogue);
        TopicReport second = TopicAdmin.ensure(kafka.admin(), catalogue);

        assertThat(first.created()).containsExactlyElementsOf(catalogue.names());
        assertThat(first.unchanged()).isEmpty();
        assertThat(second.created()).isEmpty();
        assertThat(second.unchanged()).containsExactlyElementsOf(catalogue.names());
        assertThat(second.differing()).isEmpty();
        assertThat(kafka.admin().describeTopics(List.of("posts.scored")).allTopicNames().get()
                .get("posts.scored").partitions()).hasSize(3);
        assertThat(topicConfig("campaigns").get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(topicConfig("deadletter").get("retention.ms").value()).isEqualTo(String.valueOf(Duration.ofDays(30).toMillis()));
        assertThat(topicConfig("deadletter").get("max.message.bytes").value()).isEqualTo("2097152");
    }

    @Test
    void shouldCreateOnlyTheMissingTopics() {
        kafka.createTopic("only-missing.existing", 2);
        List<TopicSpec> specs = List.of(spec("only-missing.existing", 2, "1d"), spec("only-missing.new", 2, "1d"));

        TopicReport report = TopicAdmin.ensure(kafka.admin(), specs);

        assertThat(report.created()).containsExactly("only-missing.new");
        assertThat(report.unchanged()).isEmpty(); // the pre-created topic has the broker's default retention
        assertThat(report.differingTopics()).containsExactly("only-missing.existing");
    }

    @Test
    void shouldReportWhatDiffersAndLeaveTheTopicAsItIs() throws Exception {
        kafka.admin().createTopics(List.of(new NewTopic("differs", 1, (short) 1)
                .configs(Map.of("retention.ms", "86400000", "cleanup.policy", "delete")))).all().get();
        TopicSpec spec = new TopicSpec("differs", 3, TopicSpec.BROKER_DEFAULT_REPLICATION_FACTOR,
                Map.of("cleanup.policy", "compact,delete", "retention.ms", "604800000"), List.of("w"), List.of("r"), "d");

        TopicReport report = TopicAdmin.ensure(kafka.admin(), List.of(spec));

        assertThat(report.created()).isEmpty();
        assertThat(report.unchanged()).isEmpty();
        assertThat(report.differing()).extracting(TopicReport.Difference::describe).containsExactly(
                "differs: partitions is 1 on the broker, 3 in the catalogue",
                "differs: cleanup.policy is delete on the broker, compact,delete in the catalogue",
                "differs: retention.ms is 86400000 (1d) on the broker, 604800000 (7d) in the catalogue");
        assertThat(kafka.admin().describeTopics(List.of("differs")).allTopicNames().get()
                .get("differs").partitions()).hasSize(1);
    }

    @Test
    void shouldTreatCleanupPoliciesInAnyOrderAsTheSame() throws Exception {
        kafka.admin().createTopics(List.of(new NewTopic("policy-order", 1, (short) 1)
                .configs(Map.of("retention.ms", "86400000", "cleanup.policy", "delete,compact")))).all().get();
        TopicSpec spec = new TopicSpec("policy-order", 1, TopicSpec.BROKER_DEFAULT_REPLICATION_FACTOR,
                Map.of("cleanup.policy", "compact,delete", "retention.ms", "86400000"), List.of("w"), List.of("r"), "d");

        assertThat(TopicAdmin.ensure(kafka.admin(), List.of(spec)).unchanged()).containsExactly("policy-order");
    }

    @Test
    void shouldNameTheTopicTheBrokerRefuses() {
        TopicSpec bad = new TopicSpec("refused", 1, TopicSpec.BROKER_DEFAULT_REPLICATION_FACTOR,
                Map.of("cleanup.policy", "delete", "max.message.bytes", "lots"), List.of("w"), List.of("r"), "d");

        assertThatThrownBy(() -> TopicAdmin.ensure(kafka.admin(), List.of(bad)))
                .isInstanceOf(KafkaException.class)
                .hasMessageStartingWith("could not create topics: refused (")
                .hasMessageContaining("max.message.bytes");
    }

    @Test
    void shouldRefuseACatalogueThatStillHasTemplates() {
        assertThatThrownBy(() -> TopicAdmin.ensure(kafka.admin(), TopicCatalogue.loadBundled()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alerts.hotline.{hotline}")
                .hasMessageContaining("expand it with the hotline and partner ids first");
    }

    private static TopicSpec spec(String name, int partitions, String retention) {
        return TopicCatalogue.parse("""
                topics:
                  - name: %s
                    partitions: %d
                    retention: %s
                    writers: [w]
                    readers: [r]
                    description: d
                """.formatted(name, partitions, retention), "test").topic(name);
    }

    private static Config topicConfig(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return kafka.admin().describeConfigs(List.of(resource)).all().get().get(resource);
    }
}
