package org.lurewatch.ingest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a feed item is. The wire form is the lower-case name ({@code job_ad}). */
public enum PostKind {
    JOB_AD,
    SOCIAL_POST,
    PARTNER_FLAG;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PostKind fromWire(String value) {
        for (PostKind kind : values()) {
            if (kind.wireName().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + value + "', expected one of job_ad, social_post, partner_flag");
    }
}
