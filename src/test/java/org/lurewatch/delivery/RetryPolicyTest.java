package org.lurewatch.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static RetryPolicy policy(double random) {
        return new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 6, () -> random);
    }

    @Test
    void shouldRetryOnlyWhatAnotherAttemptCanFix() {
        assertThat(RetryPolicy.classify(200)).isEqualTo(RetryPolicy.Verdict.DELIVERED);
        assertThat(RetryPolicy.classify(204)).isEqualTo(RetryPolicy.Verdict.DELIVERED);
        for (int status : new int[] {408, 425, 429, 500, 502, 503, 504}) {
            assertThat(RetryPolicy.classify(status)).as("%d", status).isEqualTo(RetryPolicy.Verdict.RETRY);
        }
        for (int status : new int[] {301, 302, 400, 401, 403, 404, 410, 413, 422}) {
            assertThat(RetryPolicy.classify(status)).as("%d", status).isEqualTo(RetryPolicy.Verdict.PERMANENT);
        }
    }

    @Test
    void shouldDoubleTheDelayWithJitterInItsUpperHalfUpToTheMaximum() {
        assertThat(policy(0).delay(1, Optional.empty())).isEqualTo(Duration.ofMillis(500));
        assertThat(policy(1).delay(1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy(1).delay(4, Optional.empty())).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy(0).delay(4, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy(1).delay(12, Optional.empty())).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy(1).delay(5000, Optional.empty())).as("no overflow").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldHonourRetryAfterUpToTheMaximum() {
        assertThat(policy(0).delay(1, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy(0).delay(1, Optional.of(Duration.ofHours(2)))).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy(1).delay(8, Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(128));
    }

    @Test
    void shouldStopAfterTheLastAttempt() {
        assertThat(policy(0).mayRetry(5)).isTrue();
        assertThat(policy(0).mayRetry(6)).isFalse();
    }
}
