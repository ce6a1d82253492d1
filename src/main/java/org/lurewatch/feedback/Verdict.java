package org.lurewatch.feedback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A hotline analyst's verdict on a post or campaign. */
public enum Verdict {
    CONFIRMED,
    FALSE_POSITIVE,
    EXPIRED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Verdict fromWire(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown verdict '" + value + "', expected confirmed, false_positive or expired", e);
        }
    }
}
