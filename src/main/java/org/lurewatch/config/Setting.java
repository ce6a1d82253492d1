package org.lurewatch.config;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration key: its name, default, how to parse it, and what values are allowed.
 * Parsers throw {@link IllegalArgumentException} with a message that says what would be right.
 */
record Setting<T>(String key, String defaultValue, Function<String, T> parser, String allowed, String doc) {
    Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(doc, "doc");
    }

    T parse(String raw) {
        return parser.apply(raw.trim());
    }

    static Setting<String> text(String key, String defaultValue, String doc) {
        return new Setting<>(key, defaultValue, value -> {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("must not be empty");
            }
            return value;
        }, "a non-empty string", doc);
    }

    static Setting<String> optionalText(String key, String doc) {
        return new Setting<>(key, null, value -> value.isEmpty() ? null : value, "a string, or empty for none", doc);
    }

    static Setting<Integer> integer(String key, int defaultValue, int min, int max, String doc) {
        return new Setting<>(key, Integer.toString(defaultValue), value -> {
            int parsed;
            try {
                parsed = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not a whole number", e);
            }
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(parsed + " is out of range");
            }
            return parsed;
        }, "a whole number from " + min + " to " + max, doc);
    }

    static Setting<Boolean> bool(String key, boolean defaultValue, String doc) {
        return new Setting<>(key, Boolean.toString(defaultValue), value -> {
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("'" + value + "' is not true or false");
            }
            return Boolean.parseBoolean(value);
        }, "true or false", doc);
    }

    /** A host name or IP literal to listen on; empty means the command's default. */
    static Setting<String> host(String key, String doc) {
        return new Setting<>(key, null, value -> {
            if (value.isEmpty()) {
                return null;
            }
            if (!value.matches("[A-Za-z0-9.:%\\-\\[\\]]{1,253}")) {
                throw new IllegalArgumentException("'" + value + "' is not a host name or IP address");
            }
            return value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        }, "a host name or IP address (0.0.0.0 for every interface, 127.0.0.1 for this machine only), or empty", doc);
    }

    static Setting<String> oneOf(String key, String defaultValue, List<String> choices, String doc) {
        return new Setting<>(key, defaultValue, value -> {
            if (!choices.contains(value)) {
                throw new IllegalArgumentException("'" + value + "' is not allowed");
            }
            return value;
        }, "one of " + String.join(", ", choices), doc);
    }
}
