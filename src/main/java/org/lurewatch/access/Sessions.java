package org.lurewatch.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions of this instance, in memory. A session ends when it has been idle longer than {@code idle}, is
 * older than {@code absolute}, its account is disabled, reset or its password changed (the account's credential
 * version moves on), or on logout. Two instances do not share sessions: put them behind sticky sessions, or let a
 * user log in once per instance (docs/identity.md). Thread-safe.
 */
public final class Sessions {
    /** At most this many live sessions; past it, the least recently used one ends. */
    static final int MAX_SESSIONS = 10_000;
    private static final int ID_BYTES = 32;

    private final AccountStore accounts;
    private final Duration idle;
    private final Duration absolute;
    private final Clock clock;
    private final Map<String, Session> byId = new ConcurrentHashMap<>();

    public Sessions(AccountStore accounts, Duration idle, Duration absolute, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.idle = Objects.requireNonNull(idle, "idle");
        this.absolute = Objects.requireNonNull(absolute, "absolute");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("session idle limit must be positive and no longer than the absolute one");
        }
    }

    /** A new session for a verified login; always a fresh id, so a session id planted before login is worthless. */
    public Session create(AccountStore.Verified login) {
        Instant now = clock.instant();
        if (byId.size() >= MAX_SESSIONS) {
            byId.values().removeIf(session -> expired(session, now));
            while (byId.size() >= MAX_SESSIONS) {
                byId.values().stream().min(Comparator.comparing(Session::lastSeenAt))
                        .ifPresent(oldest -> byId.remove(oldest.id()));
            }
        }
        Session session = new Session(Secrets.token(ID_BYTES), login.principal(), login.account().credentialVersion(),
                Secrets.token(ID_BYTES), now, now);
        byId.put(session.id(), session);
        return session;
    }

    /**
     * The live session with this id, touched (its idle clock restarts), or empty if there is none, it expired or its
     * account may no longer act; a dead session is removed.
     */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = byId.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now) || accounts.current(session.principal().id(), session.credentialVersion()).isEmpty()) {
            byId.remove(id, session);
            return Optional.empty();
        }
        Session touched = session.seenAt(now);
        byId.replace(id, session, touched);
        return Optional.of(touched);
    }

    /** Whether {@code token} is this session's CSRF token, compared in constant time. */
    public static boolean csrfMatches(Session session, String token) {
        return token != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    /** Logout: ends this session. */
    public void invalidate(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    /** Ends every session of one analyst on this instance; returns how many. */
    public int invalidateAll(String username) {
        int before = byId.size();
        byId.values().removeIf(session -> session.principal().id().equals(username));
        return before - byId.size();
    }

    /** Live sessions right now (for a metric). */
    public int count() {
        return byId.size();
    }

    private boolean expired(Session session, Instant now) {
        return !now.isBefore(session.lastSeenAt().plus(idle)) || !now.isBefore(session.createdAt().plus(absolute));
    }
}
