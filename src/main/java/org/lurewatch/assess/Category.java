package org.lurewatch.assess;

import java.util.Locale;

/** What a post is. {@code DISTRESS} posts go to hotlines only, never to platforms. */
public enum Category {
    LURE,
    DISTRESS,
    BENIGN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Category fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
