package org.lurewatch.access;

import java.util.Locale;

/**
 * The kinds of identity Lurewatch knows. Each has one naming rule, used for Kafka principals, audit lines and
 * HTTP alike (see {@link Principal}).
 */
public enum PrincipalKind {
    /** The Lurewatch application itself (Kafka Streams, console, flag API, webhook delivery). One. */
    APP,
    /** An operator's tools: {@code topics create}, {@code acls apply}. Holds the admin rights the app lacks. One. */
    OPERATOR,
    /** The feed connectors that write job ads and social posts. One. */
    FEEDS,
    /** An NGO hotline declared in the routes: reads its own alerts, writes its own verdicts. */
    HOTLINE,
    /** A platform partner declared in the routes: writes its own flags, reads its own review requests. */
    PARTNER,
    /** A person who works for exactly one hotline and signs in to the console. Never a Kafka principal. */
    ANALYST;

    /** The lower-case name used in audit lines and documentation: {@code hotline}, {@code partner}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
