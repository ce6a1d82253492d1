package org.lurewatch.assess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A coarse risk level derived from the calibrated score; routes and suppression use bands. */
public enum Band {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Band fromWire(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown band '" + value + "', expected one of low, medium, high, critical", e);
        }
    }

    public boolean atLeast(Band other) {
        return compareTo(other) >= 0;
    }
}
