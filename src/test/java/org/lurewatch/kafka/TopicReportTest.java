package org.lurewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicReportTest {

    @Test
    void shouldRenderOneLinePerTopicAndSetting() {
        TopicReport report = new TopicReport(
                List.of("alerts.hotline.ph-iacat"),
                List.of("feeds.jobads"),
                List.of(new TopicReport.Difference("posts.scored", "partitions", "3", "1"),
                        new TopicReport.Difference("posts.scored", "retention.ms", "604800000", "86400000")));

        assertThat(report.render()).isEqualTo("""
                Topics: 1 created, 1 unchanged, 1 differing from the catalogue
                  created    alerts.hotline.ph-iacat
                  unchanged  feeds.jobads
                  differs    posts.scored: partitions is 1 on the broker, 3 in the catalogue
                  differs    posts.scored: retention.ms is 86400000 (1d) on the broker, 604800000 (7d) in the catalogue
                Existing topics are left as they are; change them with kafka-topics.sh or kafka-configs.sh, or change the catalogue.
                """);
        assertThat(report.differingTopics()).containsExactly("posts.scored");
        assertThat(report).hasToString(report.render());
    }

    @Test
    void shouldRenderAnUnchangedRunWithoutAdvice() {
        TopicReport report = new TopicReport(List.of(), List.of("feeds.jobads", "deadletter"), List.of());

        assertThat(report.hasDifferences()).isFalse();
        assertThat(report.render()).isEqualTo("""
                Topics: 0 created, 2 unchanged, 0 differing from the catalogue
                  unchanged  feeds.jobads
                  unchanged  deadletter
                """);
    }

    @Test
    void shouldShowForeverAndOddMillisecondsReadably() {
        assertThat(Durations.readable("-1")).isEqualTo("forever");
        assertThat(Durations.readable("90000")).isEqualTo("90s");
        assertThat(Durations.readable("1500")).isEqualTo("1500ms");
        assertThat(Durations.readable("0")).isEqualTo("0ms");
    }
}
