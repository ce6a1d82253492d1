package org.lurewatch.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One audit line: who did what to which object, and how it ended. Every field is an identifier checked against a
 * narrow pattern, so free text (a post, a note, a password) cannot get into the audit log by mistake.
 *
 * @param actor  a principal name ({@code analyst:ana}, {@code partner:tiktok}), or {@code cli:<os user>} for
 *               commands run on the host
 * @param action what was done, lower-case words with '_' or '.': {@code login}, {@code alert.view},
 *               {@code verdict.submit}, {@code account.disable}
 * @param object {@code <type>:<id>}: {@code account:ana}, {@code alert:<cloudevent id>}, {@code apikey:<key id>}
 * @param via    where it came from: {@code cli}, {@code http:<client address>}
 */
public record AuditEvent(Instant at, String actor, String action, String object, Outcome outcome, String via) {
    private static final Pattern ACTOR = Pattern.compile("[a-z]+:[A-Za-z0-9._@-]{1,64}");
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z_.]{0,63}");
    private static final Pattern OBJECT = Pattern.compile("[a-z_]+:[A-Za-z0-9._:@/+=-]{1,200}");
    private static final Pattern VIA = Pattern.compile("[a-z]+(:[A-Za-z0-9.:\\[\\]%_-]{1,80})?");

    public enum Outcome {
        @JsonProperty("ok") OK,
        @JsonProperty("denied") DENIED,
        @JsonProperty("failed") FAILED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        check("actor", actor, ACTOR);
        check("action", action, ACTION);
        check("object", object, OBJECT);
        check("via", via, VIA);
    }

    private static void check(String field, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("audit " + field + " must match " + pattern.pattern() + " (identifiers only, "
                    + "never free text); was " + (value == null ? "null" : "'" + value + "'"));
        }
    }
}
