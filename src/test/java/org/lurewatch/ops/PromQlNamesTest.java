package org.lurewatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlNamesTest {

    @Test
    void shouldFindTheMetricInsideFunctionsAndAggregations() {
        assertThat(PromQlNames.metricNames(
                "sum by (source) (rate(lurewatch_posts_ingested_total{job=\"lurewatch\", instance=~\"$instance\"}[$__rate_interval]))"))
                .containsExactly("lurewatch_posts_ingested_total");
    }

    @Test
    void shouldSkipNumbersLabelListsAndKeywords() {
        assertThat(PromQlNames.metricNames(
                "histogram_quantile(0.99, sum by (le) (rate(a_bucket[5m]))) > bool 1e3 and on (instance) group_left (version) b offset 5m"))
                .containsExactlyInAnyOrder("a_bucket", "b");
    }

    @Test
    void shouldHandleTrailingModifiersAndSubqueries() {
        assertThat(PromQlNames.metricNames("sum(rate(c[5m])) by (job) or vector(0)")).containsExactly("c");
        assertThat(PromQlNames.metricNames("deriv(max by (instance) (lag{client_id=~\".*-consumer\"})[15m:1m]) > 0"))
                .containsExactly("lag");
        assertThat(PromQlNames.metricNames("sum without (le) (d)")).containsExactly("d");
    }

    @Test
    void shouldIgnoreStringsThatLookLikeCode() {
        assertThat(PromQlNames.metricNames("label_replace(m, \"dst\", \"$1 {x} (y)\", \"src\", \"(.*)\")"))
                .containsExactly("m");
        assertThat(PromQlNames.metricNames("count_values(\"value\", k)")).containsExactly("k");
    }

    @Test
    void shouldReadNamesGivenAsMatchersAndRecordingRuleNames() {
        assertThat(PromQlNames.metricNames("{__name__=\"e\", job=\"j\"}")).containsExactly("e");
        assertThat(PromQlNames.metricNames("job:requests:rate5m > 0")).containsExactly("job:requests:rate5m");
    }
}
