package org.lurewatch.assess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a post is, by {@code ../shared/notes/labelling-guide.md}. {@code DISTRESS} posts go to hotlines only, never
 * to platforms; {@code JOB_SCAM} posts (frauds that recruit no one to travel: task jobs, advance fees) go to the
 * hosting platform only, never to a trafficking hotline.
 */
public enum Category {
    LURE,
    DISTRESS,
    BENIGN,
    JOB_SCAM;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Category fromWire(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown category '" + value
                    + "', expected one of lure, job_scam, distress, benign", e);
        }
    }

    /** True for the categories that are alerted on (everything but benign). */
    public boolean flagged() {
        return this != BENIGN;
    }
}
