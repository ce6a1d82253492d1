package org.lurewatch.assess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a post is. {@code DISTRESS} posts go to hotlines only, never to platforms. */
public enum Category {
    LURE,
    DISTRESS,
    BENIGN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Category fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
