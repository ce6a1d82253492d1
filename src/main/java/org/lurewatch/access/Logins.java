package org.lurewatch.access;

import java.util.Objects;
import java.util.Optional;

/**
 * The console's login step, assembled from the building blocks: rate limit, password check, session, audit line.
 * The console (issue 10) calls {@link #login} from its form handler and sets the session cookie on {@code OK}.
 */
public final class Logins {
    private final AccountStore accounts;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    public Logins(AccountStore accounts, Sessions sessions, LoginThrottle throttle, AuditLog audit) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * Checks the rate limit, then the password; on success starts a session. Every attempt leaves one audit line
     * ({@code login}, object {@code account:<username>}, outcome ok, denied or failed), never the password.
     *
     * @param clientAddress the address the request came from, as the HTTP server sees it
     */
    public LoginResult login(String username, char[] password, String clientAddress) {
        String via = Via.http(clientAddress);
        String who = username != null && Principal.ID.matcher(username).matches() ? username : "invalid-username";
        LoginThrottle.Decision decision = throttle.check(who, clientAddress);
        if (!decision.allowed()) {
            audit.record(new AuditEvent(java.time.Instant.now(), "analyst:" + who, "login", "account:" + who,
                    AuditEvent.Outcome.DENIED, via));
            return LoginResult.throttled(decision.retryAfter());
        }
        Optional<AccountStore.Verified> verified = accounts.verify(username, password);
        if (verified.isEmpty()) {
            throttle.failed(who, clientAddress);
            audit.record(new AuditEvent(java.time.Instant.now(), "analyst:" + who, "login", "account:" + who,
                    AuditEvent.Outcome.FAILED, via));
            return LoginResult.rejected();
        }
        throttle.succeeded(who);
        Session session = sessions.create(verified.get());
        audit.record(verified.get().principal(), "login", "account:" + who, AuditEvent.Outcome.OK, via);
        return LoginResult.ok(session, verified.get().account().mustChangePassword());
    }

    /** Ends the session and records it. */
    public void logout(Session session, String clientAddress) {
        sessions.invalidate(session.id());
        audit.record(session.principal(), "logout", "account:" + session.principal().id(), AuditEvent.Outcome.OK,
                Via.http(clientAddress));
    }

    /** The {@code via} field of audit lines. */
    public static final class Via {
        private Via() {
        }

        /** {@code http:<address>}, with anything but address characters replaced. */
        public static String http(String clientAddress) {
            String address = clientAddress == null || clientAddress.isEmpty() ? "unknown"
                    : clientAddress.replaceAll("[^A-Za-z0-9.:\\[\\]%_-]", "_");
            return "http:" + address.substring(0, Math.min(80, address.length()));
        }
    }
}
