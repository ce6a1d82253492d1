package org.lurewatch.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lurewatch.app.PipelineDriver;
import org.lurewatch.ingest.DeadLetterHeaders;

class FeedbackTopologyTest {
    private final PipelineDriver pipeline = new PipelineDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void shouldKeepTheLatestVerdictPerContactInTheWatchlist() {
        pipeline.pipe("feedback", "{\"post_key\":\"facebook:p1\",\"contacts\":[\"telegram:hr_kamboja\",\"whatsapp:+6281234567890\"],"
                + "\"verdict\":\"confirmed\",\"hotline\":\"indonesia\",\"at\":\"2026-11-23T10:00:00Z\"}");
        pipeline.pipe("feedback", "{\"contacts\":[\"telegram:hr_kamboja\"],\"verdict\":\"false_positive\",\"hotline\":\"regional\"}");

        KeyValueStore<String, WatchlistEntry> store = pipeline.driver().getKeyValueStore(FeedbackTopology.WATCHLIST_STORE);
        assertThat(store.get("telegram:hr_kamboja").verdict()).isEqualTo(Verdict.FALSE_POSITIVE);
        assertThat(store.get("whatsapp:+6281234567890").verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(pipeline.output("watchlist").readKeyValuesToList()).hasSize(3);
    }

    @Test
    void shouldDeadLetterUnreadableFeedback() {
        pipeline.pipe("feedback", "{\"verdict\":\"maybe\",\"contacts\":[\"telegram:x\"]}");
        pipeline.pipe("feedback", "{\"verdict\":\"confirmed\"}");

        var letters = pipeline.deadLetters();
        assertThat(letters).hasSize(2);
        assertThat(DeadLetterHeaders.get(letters.get(0).headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("feedback");
        assertThat(pipeline.output("watchlist").isEmpty()).isTrue();
    }
}
