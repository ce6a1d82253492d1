package org.lurewatch.ops;

import java.util.Locale;

/** Who an alert goes to: an NGO hotline or a tech partner. The tag value is the lower-case name. */
public enum DestinationKind {
    HOTLINE,
    PARTNER;

    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
