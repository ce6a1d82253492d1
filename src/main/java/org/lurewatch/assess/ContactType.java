package org.lurewatch.assess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Kinds of recruiter contact; campaigns link posts that share one. */
public enum ContactType {
    TELEGRAM,
    WHATSAPP,
    PHONE,
    LINE,
    WECHAT,
    URL,
    DOMAIN,
    EMAIL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ContactType fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
