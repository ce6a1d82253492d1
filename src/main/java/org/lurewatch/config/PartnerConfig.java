package org.lurewatch.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The partner API's limits ({@code partner.*}): the flag API and the signal feed.
 *
 * @param maxBatch             {@code partner.flags.max.batch}: flags per request; more gets 413
 * @param flagsPerMinute       {@code partner.flags.rate.per.minute}: flags per partner per minute on one instance
 * @param requestsPerMinute    {@code partner.api.requests.per.minute}: /v1 requests per partner per minute on one instance
 * @param confirmTimeout       {@code partner.flags.confirm.timeout.ms}: how long a request waits for Kafka
 * @param dedupeWindow         {@code partner.flags.dedupe.days}: how long a (partner, post) stays a duplicate
 * @param signalsPageMax       {@code partner.signals.page.max}: the ceiling of {@code limit} on the signal feed
 */
public record PartnerConfig(int maxBatch, int flagsPerMinute, int requestsPerMinute, Duration confirmTimeout,
                            Duration dedupeWindow, int signalsPageMax) {
    public PartnerConfig {
        Objects.requireNonNull(confirmTimeout, "confirmTimeout");
        Objects.requireNonNull(dedupeWindow, "dedupeWindow");
        if (flagsPerMinute < maxBatch) {
            throw new ConfigException("'partner.flags.rate.per.minute' (" + flagsPerMinute + ") is below "
                    + "'partner.flags.max.batch' (" + maxBatch + "): a full batch could never pass; raise the first or "
                    + "lower the second");
        }
    }
}
