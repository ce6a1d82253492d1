package org.lurewatch.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed logins in a sliding window, per username and per client address: past {@code maxPerUser} failures
 * for one username, or {@code maxPerAddress} from one address, further attempts are refused until the oldest failure
 * leaves the window. A success clears the username's count (not the address's). In memory, per instance.
 */
public final class LoginThrottle {
    /** Past this many tracked keys, stale ones are dropped, then the oldest. */
    static final int MAX_KEYS = 100_000;

    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxPerUser, int maxPerAddress, Duration window, Clock clock) {
        if (maxPerUser < 1 || maxPerAddress < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("login limits must be at least 1 in a positive window");
        }
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Whether a login attempt may go ahead.
     *
     * @param retryAfter when refused, how long until the next attempt may go ahead (for a {@code Retry-After} header)
     */
    public record Decision(boolean allowed, Duration retryAfter) {
        static final Decision ALLOW = new Decision(true, Duration.ZERO);
    }

    public Decision check(String username, String address) {
        Instant now = clock.instant();
        Duration user = wait(userKey(username), maxPerUser, now);
        Duration client = wait(addressKey(address), maxPerAddress, now);
        Duration longest = user.compareTo(client) >= 0 ? user : client;
        return longest.isZero() ? Decision.ALLOW : new Decision(false, longest);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            failures.values().removeIf(times -> stale(times, now));
            if (failures.size() >= MAX_KEYS) {
                failures.clear();
            }
        }
        record(userKey(username), maxPerUser, now);
        record(addressKey(address), maxPerAddress, now);
    }

    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private Duration wait(String key, int max, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < max) {
                return Duration.ZERO;
            }
            Duration wait = Duration.between(now, times.peekFirst().plus(window));
            return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
        }
    }

    private void record(String key, int max, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
            while (times.size() > max) {
                times.removeFirst();
            }
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !now.isBefore(times.peekFirst().plus(window))) {
            times.removeFirst();
        }
    }

    private boolean stale(Deque<Instant> times, Instant now) {
        synchronized (times) {
            prune(times, now);
            return times.isEmpty();
        }
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username);
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
