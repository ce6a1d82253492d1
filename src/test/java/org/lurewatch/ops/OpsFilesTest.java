package org.lurewatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The ops files agree with each other: rules with runbooks, the dashboard with its datasource. */
class OpsFilesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RUNBOOKS = Path.of("ops/runbooks");

    @Test
    void shouldGiveEveryAlertRuleASummaryDescriptionAndAnExistingRunbook() throws IOException {
        for (JsonNode rule : alertRules()) {
            String alert = rule.path("alert").asText();
            JsonNode annotations = rule.path("annotations");

            assertThat(annotations.path("summary").asText()).as(alert + " summary").isNotBlank();
            assertThat(annotations.path("description").asText()).as(alert + " description").isNotBlank();
            assertThat(annotations.path("runbook_url").asText()).as(alert + " runbook").isEqualTo("ops/runbooks/" + alert + ".md");
            String runbook = Files.readString(Path.of(annotations.path("runbook_url").asText()));
            assertThat(runbook).as(alert + " runbook sections")
                    .startsWith("# " + alert + "\n")
                    .contains("## What it means", "## How to check", "## What to do");
        }
    }

    @Test
    void shouldHaveNoRunbookWithoutARule() throws IOException {
        Set<String> alerts = new TreeSet<>();
        alertRules().forEach(rule -> alerts.add(rule.path("alert").asText() + ".md"));
        try (Stream<Path> files = Files.list(RUNBOOKS)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrderElementsOf(alerts);
        }
    }

    @Test
    void shouldCoverTheRulesTheOperatorsAskedFor() throws IOException {
        assertThat(alertRules()).extracting(rule -> rule.path("alert").asText()).contains(
                "LurewatchNoInput", "LurewatchDeadLetterRateHigh", "LurewatchConsumerLagGrowing",
                "LurewatchStreamsNotRunning", "LurewatchAlertDeliveryStalled", "LurewatchWebhookEndpointFailing");
    }

    @Test
    void shouldPointEveryDashboardQueryAtTheProvisionedDatasource() throws IOException {
        String uid = YAML.readTree(Path.of("ops/grafana/provisioning/datasources/prometheus.yml").toFile())
                .path("datasources").get(0).path("uid").asText();
        JsonNode dashboard = JSON.readTree(Path.of("ops/grafana/dashboards/lurewatch.json").toFile());

        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panels::add);
        assertThat(panels).filteredOn(panel -> !panel.path("type").asText().equals("row")).allSatisfy(panel -> {
            assertThat(panel.path("description").asText()).as(panel.path("title").asText()).isNotBlank();
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            panel.path("targets").forEach(target -> {
                assertThat(target.path("datasource").path("uid").asText()).isEqualTo(uid);
                assertThat(target.path("expr").asText()).isNotBlank();
            });
        });
    }

    @Test
    void shouldScrapeLurewatchOnItsOpsPort() throws IOException {
        JsonNode job = YAML.readTree(Path.of("ops/prometheus/prometheus.yml").toFile()).path("scrape_configs").get(0);

        assertThat(job.path("job_name").asText()).isEqualTo("lurewatch");
        assertThat(job.path("metrics_path").asText()).isEqualTo("/metrics");
        assertThat(job.path("static_configs").get(0).path("targets").get(0).asText()).isEqualTo("lurewatch:8080");
    }

    private static List<JsonNode> alertRules() throws IOException {
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode group : YAML.readTree(Path.of("ops/prometheus/alerts.yml").toFile()).path("groups")) {
            group.path("rules").forEach(rules::add);
        }
        return rules;
    }
}
