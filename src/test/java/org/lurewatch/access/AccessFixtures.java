package org.lurewatch.access;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.lurewatch.alert.Routes;
import org.lurewatch.alert.RoutesLoader;

/** Real stores on a temporary directory, the bundled routes, a cheap Argon2id cost and a clock the test moves. */
public final class AccessFixtures {
    /** The real algorithm with small work factors, so a test hashes in a millisecond. */
    static final PasswordHasher FAST_HASHER = new PasswordHasher(new PasswordHasher.Cost(64, 1, 1));
    static final Routes ROUTES = RoutesLoader.loadBundled();
    static final Identities IDENTITIES = Identities.of(ROUTES);

    private AccessFixtures() {
    }

    static AccountStore accounts(Path dir, Clock clock) {
        return new AccountStore(dir, IDENTITIES, FAST_HASHER, clock);
    }

    /** A clock that stands still until the test moves it. */
    public static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-01T08:00:00Z");

        public void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
