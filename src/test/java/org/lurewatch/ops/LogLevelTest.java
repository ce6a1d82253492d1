package org.lurewatch.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogLevelTest {
    private static final String[] PROPERTIES = {
        LogLevel.DEFAULT_LEVEL_PROPERTY,
        LogLevel.LOGGER_PREFIX + "org.lurewatch",
        LogLevel.LOGGER_PREFIX + "org.apache.kafka",
        LogLevel.LOGGER_PREFIX + "kafka",
        LogLevel.LOGGER_PREFIX + "state.change.logger",
    };
    private final Map<String, String> saved = new HashMap<>();

    // apply() sets JVM-wide system properties: put them back so no other test sees them.
    @BeforeEach
    void saveProperties() {
        for (String property : PROPERTIES) {
            saved.put(property, System.getProperty(property));
        }
    }

    @AfterEach
    void restoreProperties() {
        saved.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }

    @Test
    void shouldParseLevelsCaseInsensitively() {
        assertThat(LogLevel.parse(" Debug ")).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.parse("OFF")).isEqualTo(LogLevel.OFF);
    }

    @Test
    void shouldNameTheValidLevelsWhenTheValueIsBad() {
        assertThatThrownBy(() -> LogLevel.apply("verbose"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown log level 'verbose', expected one of trace, debug, info, warn, error, off");
    }

    @Test
    void shouldRejectAMissingLevel() {
        assertThatThrownBy(() -> LogLevel.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSetTheDefaultAndOurOwnLevelButLeaveKafkaAtWarnForDebug() {
        LogLevel.apply("debug");

        assertThat(System.getProperty(LogLevel.DEFAULT_LEVEL_PROPERTY)).isEqualTo("debug");
        assertThat(System.getProperty(LogLevel.LOGGER_PREFIX + "org.lurewatch")).isEqualTo("debug");
        assertThat(System.getProperty(LogLevel.LOGGER_PREFIX + "org.apache.kafka")).isEqualTo(saved.get(LogLevel.LOGGER_PREFIX + "org.apache.kafka"));
    }

    @Test
    void shouldQuietKafkaTooWhenTheLevelIsQuieterThanWarn() {
        LogLevel.apply("error");

        assertThat(System.getProperty(LogLevel.LOGGER_PREFIX + "org.apache.kafka")).isEqualTo("error");
        assertThat(System.getProperty(LogLevel.LOGGER_PREFIX + "kafka")).isEqualTo("error");
    }
}
