package org.lurewatch.ingest;

import java.util.Locale;

/** Why a record went to the dead-letter topic; the wire form is the lower-case name, used as a metric tag. */
public enum DeadLetterReason {
    EMPTY,
    INVALID_UTF8,
    NOT_JSON,
    SCHEMA_VIOLATION,
    /** A partner flag outside its partner's own flags topic, or naming another partner than the topic's. */
    PARTNER_MISMATCH,
    OVERSIZED,
    SCORING_FAILED,
    DESERIALIZATION_FAILED,
    PROCESSING_FAILED,
    PRODUCTION_FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
