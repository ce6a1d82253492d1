package org.lurewatch.ops;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps one tag's values few and tidy.
 *
 * <p>Why: tag values such as a post's source come from outside. Every distinct value is a new
 * Prometheus series that lives until the process stops, so a feed that sends a thousand made-up
 * source names would otherwise grow memory and the scrape without bound. Known values always
 * pass; unknown ones pass until {@code maxUnknown} of them have been seen, then count as
 * {@value #OTHER}. Values are lower-cased and anything outside {@code [a-z0-9._-]} becomes
 * {@code _}, so a value can never break a label or a log line.
 */
final class TagValueGuard {
    static final String OTHER = "other";
    static final String UNKNOWN = "unknown";
    private static final int MAX_LENGTH = 64;
    private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9._-]");

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final int limit;

    TagValueGuard(Set<String> known, int maxUnknown) {
        if (maxUnknown < 0) {
            throw new IllegalArgumentException("maxUnknown must not be negative, was " + maxUnknown);
        }
        known.forEach(value -> seen.add(tidy(value)));
        this.limit = seen.size() + maxUnknown;
    }

    /** The value to use as the tag: tidied, or {@value #OTHER} once too many distinct values were seen. */
    String admit(String raw) {
        String value = tidy(raw);
        if (seen.contains(value)) {
            return value;
        }
        synchronized (seen) {
            if (seen.contains(value) || seen.size() < limit) {
                seen.add(value);
                return value;
            }
        }
        return OTHER;
    }

    static String tidy(String raw) {
        if (raw == null || raw.isBlank()) {
            return UNKNOWN;
        }
        String lower = raw.strip().toLowerCase(Locale.ROOT);
        String truncated = lower.length() > MAX_LENGTH ? lower.substring(0, MAX_LENGTH) : lower;
        return UNSAFE.matcher(truncated).replaceAll("_");
    }
}
