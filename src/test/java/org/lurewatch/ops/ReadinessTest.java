package org.lurewatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    @Test
    void shouldBeReadyWhenRunningAndModelLoaded() {
        ReadinessReport report = Readiness.of(() -> KafkaStreams.State.RUNNING, () -> true).check();

        assertThat(report.ready()).isTrue();
        assertThat(report.toJson()).isEqualTo(
                "{\"ready\":true,\"checks\":{\"streams\":{\"ready\":true,\"detail\":\"RUNNING\"},"
                        + "\"model\":{\"ready\":true,\"detail\":\"loaded\"}}}");
    }

    @Test
    void shouldSayWhatIsNotReady() {
        ReadinessReport report = Readiness.of(() -> KafkaStreams.State.REBALANCING, () -> false).check();

        assertThat(report.ready()).isFalse();
        assertThat(report.checks()).extracting(ReadinessCheck::detail)
                .containsExactly("state is REBALANCING, ready only when RUNNING", "not loaded yet");
    }

    @Test
    void shouldNotBeReadyBeforeStreamsExists() {
        ReadinessReport report = Readiness.of(() -> null, () -> true).check();

        assertThat(report.ready()).isFalse();
        assertThat(report.checks().get(0).detail()).isEqualTo("not created yet");
    }

    @Test
    void shouldTurnAThrowingCheckIntoNotReady() {
        ReadinessReport report = Readiness.of(() -> {
            throw new IllegalStateException("no streams");
        }, () -> true).check();

        assertThat(report.ready()).isFalse();
        assertThat(report.checks().get(0).detail()).isEqualTo("check failed: IllegalStateException: no streams");
    }

    @Test
    void shouldCombineChecks() {
        Readiness extra = () -> new ReadinessReport(List.of(ReadinessCheck.notReady("topics", "missing deadletter")));

        ReadinessReport report = Readiness.allOf(List.of(Readiness.of(() -> KafkaStreams.State.RUNNING, () -> true), extra)).check();

        assertThat(report.ready()).isFalse();
        assertThat(report.checks()).extracting(ReadinessCheck::name).containsExactly("streams", "model", "topics");
    }
}
