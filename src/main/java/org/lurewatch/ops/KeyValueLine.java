package org.lurewatch.ops;

import java.util.regex.Pattern;

/**
 * One structured log line of {@code key=value} pairs, starting with {@code event=...}.
 *
 * <p>Values are quoted when they hold spaces, quotes or {@code =}, and control characters are
 * escaped, so a value that came from outside (a topic name, an exception message) can never
 * forge a second line or a fake key. Keys are fixed by our code and must be
 * {@code [a-z0-9_.]+}.
 */
public final class KeyValueLine {
    private static final Pattern KEY = Pattern.compile("[a-z0-9_.]+");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.:/@+,\\-\\[\\]()]+");

    private final StringBuilder line = new StringBuilder();

    private KeyValueLine() {
    }

    public static KeyValueLine event(String event) {
        return new KeyValueLine().with("event", event);
    }

    public KeyValueLine with(String key, Object value) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("log key must match [a-z0-9_.]+, was '" + key + "'");
        }
        if (line.length() > 0) {
            line.append(' ');
        }
        line.append(key).append('=').append(format(value));
        return this;
    }

    @Override
    public String toString() {
        return line.toString();
    }

    static String format(Object value) {
        if (value == null) {
            return "-";
        }
        String text = String.valueOf(value);
        if (PLAIN.matcher(text).matches()) {
            return text;
        }
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
