package org.lurewatch.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(60, 10, now::get);

    @Test
    void shouldLetABurstThroughThenRefillAtTheRate() {
        assertThat(limiter.take("tiktok", 10)).isEmpty();
        assertThat(limiter.take("tiktok", 1)).hasValue(Duration.ofSeconds(1));
        assertThat(limiter.take("facebook", 10)).as("each partner has its own bucket").isEmpty();

        now.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(limiter.take("tiktok", 3)).isEmpty();
        assertThat(limiter.take("tiktok", 5)).hasValue(Duration.ofSeconds(5));
    }

    @Test
    void shouldTakeNothingFromARequestItRefuses() {
        assertThat(limiter.take("tiktok", 8)).isEmpty();
        assertThat(limiter.take("tiktok", 5)).isPresent();
        assertThat(limiter.take("tiktok", 2)).isEmpty();
    }
}
