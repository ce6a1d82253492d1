package org.lurewatch.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Escaping for everything the console writes into HTML. Every piece of text that came from a post, an alert, a form
 * or a URL goes through {@link #text} or {@link #attr}; pages never build HTML from such text any other way, so a
 * post whose text is HTML or script shows as text.
 */
final class Html {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** Text content: {@code & < > " '} escaped. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An attribute value (always written in double quotes). */
    static String attr(String value) {
        return text(value);
    }

    /** One path segment of a console URL, percent-encoded (a post key {@code facebook:fb-1} stays readable). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
    }

    /** A query parameter value, percent-encoded. */
    static String param(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An external link only when it is http(s); anything else ({@code javascript:}, data:) is never a link. */
    static boolean safeExternalUrl(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && !lower.contains("\"") && lower.length() < 2_000;
    }

    /** A time as analysts read it, in UTC, inside a {@code <time>} element with the machine-readable instant. */
    static String time(Instant instant) {
        if (instant == null) {
            return "<span class=\"muted\">unknown</span>";
        }
        return "<time datetime=\"" + instant + "\">" + TIME.format(instant) + "</time>";
    }

    static String plainTime(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** A score as a percentage, the way the band is explained on every page. */
    static String score(double score) {
        return Math.round(score * 100) + "%";
    }

    /** A band badge: the colour is decoration, the word carries the meaning. */
    static String band(String band) {
        String safe = band == null ? "low" : band;
        return "<span class=\"band band-" + attr(safe) + "\">" + text(Labels.band(safe)) + "</span>";
    }
}
