package org.lurewatch.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lurewatch.kafka.Topics;
import org.lurewatch.signal.Signal;

class BoundaryTopicsTest {
    private static final Topics TOPICS = Topics.defaults();

    @Test
    void shouldNameTheTopicsOfTheCatalogueWithACommittedSchemaForEveryTopicOthersRead() {
        BoundaryTopics boundary = BoundaryTopics.of(TOPICS);

        assertThat(boundary.all()).extracting(TypedTopic::name).containsExactly(TOPICS.scored(), TOPICS.campaigns(),
                TOPICS.watchlist(), TOPICS.labelled(), TOPICS.signals());
        assertThat(boundary.all()).filteredOn(topic -> !topic.name().equals(TOPICS.watchlist()))
                .allSatisfy(topic -> assertThat(topic.schema()).hasValueSatisfying(file ->
                        assertThat(Path.of("topology/schemas", file)).as(topic.name()).exists()));
        assertThat(boundary.watchlist().schema()).as("read by the app alone").isEmpty();
    }

    @Test
    void shouldFollowThePrefixOfTheTopicNames() {
        assertThat(BoundaryTopics.of(TOPICS.withPrefix("r1.")).all()).allSatisfy(topic ->
                assertThat(topic.name()).startsWith("r1."));
    }

    @Test
    void shouldWriteAndReadBackTheSameRecordAsSnakeCaseJson() {
        TypedTopic<String, Signal> signals = BoundaryTopics.of(TOPICS).signals();
        Instant seen = Instant.parse("2026-11-23T10:00:00Z");
        Signal signal = new Signal(Signal.idOf("telegram:hr_kamboja"), "hr_kamboja", "telegram", Signal.RECRUITMENT, seen,
                seen, 75, Signal.ACTIVE, 1, null);

        byte[] bytes = signals.valueSerde().serializer().serialize(signals.name(), signal);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"signal_type\":\"telegram\"", "\"first_seen\"");
        assertThat(signals.valueSerde().deserializer().deserialize(signals.name(), bytes)).isEqualTo(signal);
    }
}
