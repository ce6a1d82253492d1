package org.lurewatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class LifecycleLogTest {
    private final RecordingLogger logger = new RecordingLogger();
    private final LifecycleLog log = new LifecycleLog(logger);

    @Test
    void shouldWriteOneKeyValueLinePerLifecycleEvent() {
        log.starting("run", Map.of("http_port", 8080));
        log.brokerReady("kafka:9092", Duration.ofMillis(2500));
        log.topicsCreated(List.of("feeds.social", "deadletter"), 7);
        log.modelLoaded("lure-2026.11", Duration.ofMillis(400));
        log.httpServing(URI.create("http://localhost:8080/"), null);
        log.httpServing(URI.create("http://127.0.0.1:40123/"), 8080);
        log.stopping("signal");
        log.stopped(Duration.ofMillis(900));

        assertThat(logger.lines()).extracting(RecordingLogger.Line::message).containsExactly(
                "event=starting app=lurewatch command=run http_port=8080",
                "event=broker_ready bootstrap_servers=kafka:9092 waited_ms=2500",
                "event=topics_ready created=2 already_present=7 created_topics=feeds.social,deadletter",
                "event=model_loaded version=lure-2026.11 took_ms=400",
                "event=http_serving url=http://localhost:8080/ metrics=http://localhost:8080/metrics",
                "event=http_serving url=http://127.0.0.1:40123/ metrics=http://127.0.0.1:40123/metrics requested_port=8080"
                        + " note=\"requested port in use, took a free one\"",
                "event=stopping reason=signal",
                "event=stopped took_ms=900");
        assertThat(logger.lines()).extracting(RecordingLogger.Line::level).containsOnly(Level.INFO);
    }

    @Test
    void shouldLogStreamsStateChangesFromTheListenerInFromToOrder() {
        log.stateListener().onChange(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);

        assertThat(logger.lines()).singleElement()
                .satisfies(line -> assertThat(line.message()).isEqualTo("event=streams_state from=REBALANCING to=RUNNING"))
                .satisfies(line -> assertThat(line.level()).isEqualTo(Level.INFO));
    }

    @Test
    void shouldLogAStreamsErrorStateAtError() {
        log.streamsStateChanged(KafkaStreams.State.RUNNING, KafkaStreams.State.ERROR);

        assertThat(logger.lines()).singleElement().extracting(RecordingLogger.Line::level).isEqualTo(Level.ERROR);
    }

    @Test
    void shouldKeepTheStackTraceOfAFailure() {
        IllegalStateException error = new IllegalStateException("model file missing");

        log.failed("load_model", error);

        assertThat(logger.lines()).singleElement().satisfies(line -> {
            assertThat(line.message()).isEqualTo(
                    "event=failed stage=load_model error=java.lang.IllegalStateException message=\"model file missing\"");
            assertThat(line.error()).isSameAs(error);
        });
    }
}
