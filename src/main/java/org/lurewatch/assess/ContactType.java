package org.lurewatch.assess;

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

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
