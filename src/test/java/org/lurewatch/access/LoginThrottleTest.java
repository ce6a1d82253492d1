package org.lurewatch.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final AccessFixtures.MovableClock clock = new AccessFixtures.MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(15), clock);

    @Test
    void shouldRefuseAUsernameAfterItsFailuresUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.check("ana", "10.0.0." + i).allowed()).isTrue();
            throttle.failed("ana", "10.0.0." + i);
            clock.advance(Duration.ofMinutes(1));
        }

        LoginThrottle.Decision refused = throttle.check("ana", "10.0.0.9");
        assertThat(refused.allowed()).as("a fresh address does not help").isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(12));
        assertThat(throttle.check("bo", "10.0.0.9").allowed()).as("another user is not held up").isTrue();
        clock.advance(Duration.ofMinutes(12));
        assertThat(throttle.check("ana", "10.0.0.9").allowed()).isTrue();
    }

    @Test
    void shouldRefuseAnAddressThatTriesManyUsernames() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user-" + i, "192.0.2.7");
        }

        assertThat(throttle.check("user-99", "192.0.2.7").allowed()).isFalse();
        assertThat(throttle.check("user-99", "192.0.2.8").allowed()).isTrue();
    }

    @Test
    void shouldClearAUsernameOnSuccessButNotItsAddress() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("ana", "192.0.2.7");
        }
        throttle.failed("bo", "192.0.2.7");
        throttle.succeeded("ana");

        assertThat(throttle.check("ana", "198.51.100.1").allowed()).isTrue();
        throttle.failed("cy", "192.0.2.7");
        assertThat(throttle.check("ana", "192.0.2.7").allowed()).as("the address has 5 failures").isFalse();
    }
}
