package org.lurewatch.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Webhook delivery ({@code webhooks.*}).
 *
 * @param enabled       {@code webhooks.enabled}: this instance delivers (endpoints live in {@code <access.dir>/webhooks.json})
 * @param maxInFlight   {@code webhooks.max.in.flight}: deliveries under way per endpoint; 1 keeps strict order
 * @param retryInitial  {@code webhooks.retry.initial.ms}: the first retry's delay, doubled each time, with jitter
 * @param retryMax      {@code webhooks.retry.max.ms}: the longest delay between attempts
 * @param maxAttempts   {@code webhooks.max.attempts}: attempts before the delivery dead-letter topic
 * @param timeout       {@code webhooks.timeout.ms}: how long one attempt waits for an answer
 */
public record WebhookConfig(boolean enabled, int maxInFlight, Duration retryInitial, Duration retryMax, int maxAttempts,
                            Duration timeout) {
    public WebhookConfig {
        Objects.requireNonNull(retryInitial, "retryInitial");
        Objects.requireNonNull(retryMax, "retryMax");
        Objects.requireNonNull(timeout, "timeout");
        if (retryMax.compareTo(retryInitial) < 0) {
            throw new ConfigException("'webhooks.retry.max.ms' (" + retryMax.toMillis() + ") is below "
                    + "'webhooks.retry.initial.ms' (" + retryInitial.toMillis() + "); raise the first or lower the second");
        }
    }
}
