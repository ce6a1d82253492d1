package org.lurewatch.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.lurewatch.config.WebhookConfig;

/**
 * When to try a webhook again, and whether to at all.
 * <ul>
 *   <li>2xx is delivered. 408, 425, 429, every 5xx, a timeout and a connection failure are worth another attempt;
 *       any other answer (3xx: redirects are never followed; 4xx: the receiver refuses this message) is permanent
 *       and goes to the delivery dead-letter topic at once.</li>
 *   <li>The n-th retry waits {@code initial * 2^(n-1)}, at most {@code max}, with "equal jitter": a random point in
 *       its upper half, so endpoints that failed together do not retry in step. A receiver's {@code Retry-After}
 *       (429, 503) is honoured up to {@code max}.</li>
 *   <li>After {@code maxAttempts} attempts the message is dead-lettered.</li>
 * </ul>
 */
public record RetryPolicy(Duration initial, Duration max, int maxAttempts, DoubleSupplier random) {
    /** What one attempt's outcome means. */
    public enum Verdict { DELIVERED, RETRY, PERMANENT }

    public RetryPolicy {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(random, "random");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry policy needs 0 < initial <= max and at least one attempt");
        }
    }

    public static RetryPolicy of(WebhookConfig config) {
        return new RetryPolicy(config.retryInitial(), config.retryMax(), config.maxAttempts(),
                () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /** The verdict on an HTTP status. */
    public static Verdict classify(int status) {
        if (status >= 200 && status < 300) {
            return Verdict.DELIVERED;
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return Verdict.RETRY;
        }
        return Verdict.PERMANENT;
    }

    /** How long to wait after the {@code failedAttempts}-th failed attempt (1 for the first). */
    public Duration delay(int failedAttempts, Optional<Duration> retryAfter) {
        long initialMs = initial.toMillis();
        int shift = Math.min(Math.max(failedAttempts - 1, 0), 40);
        long exponential = initialMs > (Long.MAX_VALUE >> shift) ? max.toMillis() : Math.min(max.toMillis(), initialMs << shift);
        long jittered = exponential / 2 + Math.round(random.getAsDouble() * (exponential - exponential / 2));
        long asked = retryAfter.map(Duration::toMillis).map(ms -> Math.min(ms, max.toMillis())).orElse(0L);
        return Duration.ofMillis(Math.max(jittered, asked));
    }

    /** Whether another attempt may follow {@code attempts} failed ones. */
    public boolean mayRetry(int attempts) {
        return attempts < maxAttempts;
    }
}
