package org.lurewatch.ops;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The log level chosen by the operator ({@code --log-level} or the environment), applied to
 * slf4j-simple.
 *
 * <p>slf4j-simple reads its configuration once, when the first logger is created, and a system
 * property beats {@code simplelogger.properties}. So {@link #apply()} must run first thing in
 * {@code main}, before anything calls {@code LoggerFactory}; later it has no effect.
 */
public enum LogLevel {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR,
    OFF;

    static final String DEFAULT_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
    static final String LOGGER_PREFIX = "org.slf4j.simpleLogger.log.";
    /** Lurewatch's own loggers; simplelogger.properties names them, so they must be overridden too. */
    static final String OWN_LOGGERS = "org.lurewatch";
    /** Kafka's loggers stay at WARN (from simplelogger.properties) unless a quieter level is asked for. */
    static final List<String> KAFKA_LOGGERS = List.of("org.apache.kafka", "kafka", "state.change.logger");

    /**
     * Parses a level name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the bad value and the valid ones
     */
    public static LogLevel parse(String value) {
        if (value != null) {
            String wanted = value.strip().toUpperCase(Locale.ROOT);
            for (LogLevel level : values()) {
                if (level.name().equals(wanted)) {
                    return level;
                }
            }
        }
        throw new IllegalArgumentException("unknown log level '" + value + "', expected one of "
                + Arrays.stream(values()).map(LogLevel::wireName).collect(Collectors.joining(", ")));
    }

    /** Parses and applies {@code value}; see {@link #apply()}. */
    public static LogLevel apply(String value) {
        LogLevel level = parse(value);
        level.apply();
        return level;
    }

    /**
     * Sets this level as the default and for {@code org.lurewatch}. Kafka's own loggers keep WARN
     * (their chatter at INFO drowns everything else) unless this level is quieter than WARN.
     */
    public void apply() {
        System.setProperty(DEFAULT_LEVEL_PROPERTY, wireName());
        System.setProperty(LOGGER_PREFIX + OWN_LOGGERS, wireName());
        if (compareTo(WARN) > 0) {
            KAFKA_LOGGERS.forEach(logger -> System.setProperty(LOGGER_PREFIX + logger, wireName()));
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
