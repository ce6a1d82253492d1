package org.lurewatch.alert;

import java.util.Locale;
import java.util.Objects;

/** One place an alert goes: a hotline's or a partner's topic. */
public record Destination(Kind kind, String id, String topic) {
    public enum Kind {
        HOTLINE,
        PARTNER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Destination {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
    }
}
