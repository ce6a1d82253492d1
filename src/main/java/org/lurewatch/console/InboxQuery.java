package org.lurewatch.console;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The inbox's filters, as the query string carries them ({@code ?show=unread&kind=distress&band=high&lang=id
 * &platform=facebook&from=2026-11-01&to=2026-11-30&page=2}). Unknown values are errors the page shows, not silently
 * dropped filters.
 *
 * @param show     all alerts, only unread (by this analyst) or only open (no verdict from the hotline yet)
 * @param kind     distress, lure (new campaign) or update, or null for every kind
 * @param from     first day (UTC) of the alert time, or null
 * @param to       last day (UTC), inclusive, or null
 * @param page     1-based
 */
public record InboxQuery(Show show, AlertView.Kind kind, String band, String language, String platform, LocalDate from,
                         LocalDate to, int page) {
    public static final int PAGE_SIZE = 50;
    private static final java.util.Set<String> BANDS = java.util.Set.of("low", "medium", "high", "critical");

    public enum Show { ALL, UNREAD, OPEN }

    public InboxQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
    }

    public static InboxQuery all() {
        return new InboxQuery(Show.ALL, null, null, null, null, null, null, 1);
    }

    /** From query parameters; an {@link IllegalArgumentException} names the parameter and what it takes. */
    public static InboxQuery parse(Function<String, String> parameter) {
        Show show = parseEnum(parameter.apply("show"), Show.class, "show", "all, unread or open").orElse(Show.ALL);
        AlertView.Kind kind = parseEnum(parameter.apply("kind"), AlertView.Kind.class, "kind",
                "distress, lure or update").orElse(null);
        String band = blank(parameter.apply("band"));
        if (band != null && !BANDS.contains(band)) {
            throw new IllegalArgumentException("band must be low, medium, high or critical");
        }
        String language = blank(parameter.apply("lang"));
        if (language != null && !language.matches("[a-z]{2,3}")) {
            throw new IllegalArgumentException("lang must be a language code such as id or th");
        }
        String platform = blank(parameter.apply("platform"));
        if (platform != null && !platform.matches("[a-z0-9._-]{1,40}")) {
            throw new IllegalArgumentException("platform must be a platform name such as facebook");
        }
        LocalDate from = date(parameter.apply("from"), "from");
        LocalDate to = date(parameter.apply("to"), "to");
        String pageText = blank(parameter.apply("page"));
        int page;
        try {
            page = pageText == null ? 1 : Integer.parseInt(pageText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("page must be a number", e);
        }
        return new InboxQuery(show, kind, band, language, platform, from, to, Math.max(1, page));
    }

    public InboxQuery withPage(int newPage) {
        return new InboxQuery(show, kind, band, language, platform, from, to, newPage);
    }

    public boolean filtered() {
        return show != Show.ALL || kind != null || band != null || language != null || platform != null || from != null
                || to != null;
    }

    /** This query as a query string (without {@code ?}), the defaults left out, for links and pagination. */
    public String toQueryString() {
        StringBuilder query = new StringBuilder();
        append(query, "show", show == Show.ALL ? null : show.name().toLowerCase(Locale.ROOT));
        append(query, "kind", kind == null ? null : kind.name().toLowerCase(Locale.ROOT));
        append(query, "band", band);
        append(query, "lang", language);
        append(query, "platform", platform);
        append(query, "from", from == null ? null : from.toString());
        append(query, "to", to == null ? null : to.toString());
        append(query, "page", page == 1 ? null : Integer.toString(page));
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static <E extends Enum<E>> Optional<E> parseEnum(String value, Class<E> type, String name, String allowed) {
        String text = blank(value);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be " + allowed, e);
        }
    }

    private static LocalDate date(String value, String name) {
        String text = blank(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date such as 2026-11-30", e);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
