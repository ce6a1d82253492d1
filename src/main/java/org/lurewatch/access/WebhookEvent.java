package org.lurewatch.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a webhook endpoint receives: its owner's alerts, the shared signal feed, or both. */
public enum WebhookEvent {
    /** The owner's own alert topic: a hotline's alerts (distress included) or a partner's review requests. */
    ALERTS,
    /** Confirmed recruiter contacts ({@code signals} topic): the same for every owner, nothing from distress posts. */
    SIGNALS;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static WebhookEvent fromWire(String value) {
        for (WebhookEvent event : values()) {
            if (event.wireName().equals(value == null ? null : value.trim().toLowerCase(Locale.ROOT))) {
                return event;
            }
        }
        throw new IllegalArgumentException("unknown webhook event '" + value + "', expected "
                + Arrays.stream(values()).map(WebhookEvent::wireName).collect(Collectors.joining(" or ")));
    }
}
