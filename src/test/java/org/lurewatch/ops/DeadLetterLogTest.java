package org.lurewatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class DeadLetterLogTest {

    @Test
    void shouldLogReasonAndPositionAtWarn() {
        RecordingLogger logger = new RecordingLogger();

        new DeadLetterLog(logger).deadLetter("schema_violation", "feeds.jobads", 2, 1234L);

        assertThat(logger.lines()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(Level.WARN);
            assertThat(line.message())
                    .isEqualTo("event=dead_letter reason=schema_violation topic=feeds.jobads partition=2 offset=1234");
        });
    }

    @Test
    void shouldNotLetATopicNameBreakTheLine() {
        assertThat(DeadLetterLog.line("not_json", "feeds\nevent=fake", 0, 1))
                .isEqualTo("event=dead_letter reason=not_json topic=\"feeds\\nevent=fake\" partition=0 offset=1");
    }
}
