package org.lurewatch.access;

import java.time.Instant;
import java.util.Objects;

/**
 * One console login. The id is the cookie value (256 random bits); the CSRF token (another 256 bits) goes into every
 * form and must come back with every state-changing request. A session is valid only while its account is active
 * with the same credential version, and within its idle and absolute limits ({@link Sessions}).
 *
 * @param principal the analyst: the hotline comes from here, never from a form
 */
public record Session(String id, Principal principal, int credentialVersion, String csrfToken, Instant createdAt,
                      Instant lastSeenAt) {
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        if (principal.kind() != PrincipalKind.ANALYST) {
            throw new IllegalArgumentException("sessions are for analysts, not " + principal);
        }
    }

    /** The hotline this session acts for. */
    public String hotline() {
        return principal.hotline().orElseThrow();
    }

    Session seenAt(Instant now) {
        return new Session(id, principal, credentialVersion, csrfToken, createdAt, now);
    }

    @Override
    public String toString() {
        // Never the id or the token: both are bearer secrets.
        return "Session[" + principal + ", since " + createdAt + "]";
    }
}
