package org.lurewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.config.TopologyConfig;
import org.lurewatch.ops.PipelineEvents;

/** The topology settings reach the running topology: a shorter {@code feedback.facts.ttl.days} forgets sooner. */
class TopologySettingsTest {
    @Test
    void shouldForgetWhatAVerdictJudgesAfterTheConfiguredFactsTtl() {
        assertThat(subjectKnownAfterFiveDays(TopologyConfig.defaults())).as("kept 90 days by default").containsExactly(true);

        TopologyConfig oneDay = ConfigLoader.load(Optional.empty(), Map.of(), Map.of("feedback.facts.ttl.days", "1")).topology();
        assertThat(subjectKnownAfterFiveDays(oneDay)).as("with feedback.facts.ttl.days=1").containsExactly(false);
    }

    /** A lure at T0, later posts to move stream time five days on, then a verdict on the lure. */
    private static List<Boolean> subjectKnownAfterFiveDays(TopologyConfig settings) {
        try (PipelineDriver pipeline = new PipelineDriver(RoutesLoader.loadBundled(), KeywordAssessor::new, PipelineEvents.NONE,
                PipelineDriver.UPDATE_WINDOW, settings)) {
            pipeline.post("p1", "facebook", "id", "LURE kerja @hr_ttl", 0);
            for (int day = 1; day <= 5; day++) {
                pipeline.post("b" + day, "facebook", "id", "lunch at the market", (int) Duration.ofDays(day).toMinutes());
            }
            pipeline.pipe(pipeline.topics().hotlineFeedback("indonesia"),
                    "{\"post_key\":\"facebook:p1\",\"verdict\":\"confirmed\"}", PipelineDriver.T0.plus(Duration.ofDays(5)));
            return pipeline.output(pipeline.topics().labelled()).readValuesToList().stream()
                    .map(json -> PipelineDriver.json(json).get("subject_known").asBoolean()).toList();
        }
    }
}
