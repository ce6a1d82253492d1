package org.lurewatch.partner;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per partner: {@code perMinute} tokens a minute, at most {@code capacity} saved up. A request takes
 * as many tokens as it costs (one per request, or one per flag) or none at all; when it cannot, it learns how long
 * until it could. Per instance: behind a load balancer over n instances a partner gets up to n times the rate.
 */
final class RateLimiter {
    private final double perNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perMinute, int capacity, LongSupplier nanoTime) {
        if (perMinute < 1 || capacity < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and capacity");
        }
        this.perNano = perMinute / 60e9;
        this.capacity = capacity;
        this.nanoTime = nanoTime;
    }

    /** Empty when {@code cost} tokens were taken; else how long until they could be. */
    Optional<Duration> take(String partner, int cost) {
        Bucket bucket = buckets.computeIfAbsent(partner, p -> new Bucket(capacity, nanoTime.getAsLong()));
        synchronized (bucket) {
            long now = nanoTime.getAsLong();
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perNano);
            bucket.at = now;
            if (bucket.tokens >= cost) {
                bucket.tokens -= cost;
                return Optional.empty();
            }
            double missing = Math.min(cost, capacity) - bucket.tokens;
            return Optional.of(Duration.ofNanos((long) Math.ceil(missing / perNano)));
        }
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
