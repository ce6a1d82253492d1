package org.lurewatch.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyValueLineTest {

    @Test
    void shouldWritePlainValuesBare() {
        String line = KeyValueLine.event("dead_letter").with("topic", "feeds.social").with("partition", 3).toString();

        assertThat(line).isEqualTo("event=dead_letter topic=feeds.social partition=3");
    }

    @Test
    void shouldQuoteValuesWithSpacesQuotesOrEquals() {
        String line = KeyValueLine.event("failed").with("message", "bad \"key\" a=b").toString();

        assertThat(line).isEqualTo("event=failed message=\"bad \\\"key\\\" a=b\"");
    }

    @Test
    void shouldEscapeLineBreaksSoAValueCannotForgeALine() {
        String line = KeyValueLine.event("failed").with("message", "one\nevent=fake\r\u2028").toString();

        assertThat(line).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u2028")
                .isEqualTo("event=failed message=\"one\\nevent=fake\\r\\u2028\"");
    }

    @Test
    void shouldWriteNullAsDashAndEmptyAsQuotes() {
        assertThat(KeyValueLine.event("x").with("a", null).with("b", "").toString()).isEqualTo("event=x a=- b=\"\"");
    }

    @Test
    void shouldRejectKeysOutsideTheAllowedCharacters() {
        assertThatThrownBy(() -> KeyValueLine.event("x").with("Bad Key", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bad Key");
    }
}
