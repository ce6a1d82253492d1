package org.lurewatch.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which metric names the dashboard and the alert rules query, and which ones a scrape offers.
 *
 * <p>For tests: {@code MetricNamesTest} checks Lurewatch's own and the JVM's metrics against a
 * KafkaStreams instance without a broker; an integration test with a running app and a real
 * broker can check everything:
 * <pre>{@code
 * Set<String> used = MetricNameCheck.metricNamesUsedBy(
 *         Path.of("ops/grafana/dashboards/lurewatch.json"), Path.of("ops/prometheus/alerts.yml"));
 * Set<String> scraped = MetricNameCheck.scrapedMetricNames(httpGet(opsBaseUri + "metrics"));
 * assertThat(scraped).containsAll(used);
 * }</pre>
 */
public final class MetricNameCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\s*\\((.*),\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\)\\s*$", Pattern.DOTALL);
    private static final Pattern QUERY_RESULT = Pattern.compile("^\\s*query_result\\s*\\((.*)\\)\\s*$", Pattern.DOTALL);

    /**
     * Series that Prometheus makes itself for every target; a rule may use them but no app
     * exposes them.
     */
    static final Set<String> PROMETHEUS_SYNTHETIC = Set.of(
            "up", "scrape_duration_seconds", "scrape_samples_scraped", "scrape_samples_post_metric_relabeling",
            "scrape_series_added", "ALERTS", "ALERTS_FOR_STATE");

    private MetricNameCheck() {
    }

    /**
     * Every metric name that a PromQL expression in the Grafana dashboard ({@code expr} of each
     * target, and template variable queries) or the Prometheus rule file ({@code expr} of each
     * rule) selects. Names that the rule file itself records, and series Prometheus makes itself
     * ({@code up}, {@code scrape_*}, {@code ALERTS}), are left out.
     */
    public static Set<String> metricNamesUsedBy(Path dashboardJson, Path alertRulesYaml) {
        Set<String> names = new TreeSet<>();
        names.addAll(dashboardMetricNames(dashboardJson));
        names.addAll(ruleMetricNames(alertRulesYaml));
        names.removeAll(PROMETHEUS_SYNTHETIC);
        return names;
    }

    /** Every sample name (and metric family name) in a Prometheus or OpenMetrics text exposition. */
    public static Set<String> scrapedMetricNames(String metricsText) {
        Set<String> names = new TreeSet<>();
        for (String line : metricsText.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("#")) {
                String[] parts = trimmed.split("\\s+");
                if (parts.length >= 3 && parts[1].equals("TYPE")) {
                    names.add(parts[2]);
                }
                continue;
            }
            int end = 0;
            while (end < trimmed.length() && trimmed.charAt(end) != '{' && !Character.isWhitespace(trimmed.charAt(end))) {
                end++;
            }
            names.add(trimmed.substring(0, end));
        }
        return names;
    }

    static Set<String> dashboardMetricNames(Path dashboardJson) {
        JsonNode root = read(JSON, dashboardJson);
        Set<String> names = new TreeSet<>();
        root.findValues("expr").forEach(expr -> names.addAll(PromQlNames.metricNames(expr.asText())));
        for (JsonNode variable : root.path("templating").path("list")) {
            if (!"query".equals(variable.path("type").asText())) {
                continue;
            }
            JsonNode query = variable.path("query");
            String text = query.isObject() ? query.path("query").asText() : query.asText();
            names.addAll(PromQlNames.metricNames(templateQueryExpression(text)));
        }
        return names;
    }

    static Set<String> ruleMetricNames(Path alertRulesYaml) {
        JsonNode root = read(YAML, alertRulesYaml);
        Set<String> names = new TreeSet<>();
        Set<String> recorded = new TreeSet<>();
        for (JsonNode group : root.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                names.addAll(PromQlNames.metricNames(rule.path("expr").asText()));
                if (rule.hasNonNull("record")) {
                    recorded.add(rule.get("record").asText());
                }
            }
        }
        names.removeAll(recorded);
        return names;
    }

    // Grafana's Prometheus variable queries wrap PromQL: label_values(expr, label), query_result(expr).
    private static String templateQueryExpression(String query) {
        Matcher labelValues = LABEL_VALUES.matcher(query);
        if (labelValues.matches()) {
            return labelValues.group(1);
        }
        Matcher queryResult = QUERY_RESULT.matcher(query);
        if (queryResult.matches()) {
            return queryResult.group(1);
        }
        if (query.strip().startsWith("label_values(") || query.strip().startsWith("label_names(")
                || query.strip().startsWith("metrics(")) {
            return "";
        }
        return query;
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }
}
