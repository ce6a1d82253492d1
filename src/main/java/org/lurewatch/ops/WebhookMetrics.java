package org.lurewatch.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Webhook delivery meters, one set per endpoint (tags {@code endpoint} and {@code owner}: {@code hotline:<id>} or
 * {@code partner:<id>}). Endpoints come from {@code webhooks.json}, which only operators write, so the series stay
 * few; an endpoint's series exist at 0 from the moment its delivery starts and go when it is removed.
 * <ul>
 *   <li>{@code lurewatch_webhook_deliveries_total{outcome="sent"|"failed"}}: messages delivered (2xx) or sent to the
 *       delivery dead-letter topic;</li>
 *   <li>{@code lurewatch_webhook_retries_total}: attempts that failed and will be tried again;</li>
 *   <li>{@code lurewatch_webhook_retrying}: messages waiting for their next attempt now;</li>
 *   <li>{@code lurewatch_webhook_latency_seconds}: each attempt, request to answer (or failure), as a histogram;</li>
 *   <li>{@code lurewatch_webhook_oldest_pending_seconds}: age of the oldest message not yet delivered or
 *       dead-lettered (0 when none): a stuck endpoint shows as a line that keeps rising.</li>
 * </ul>
 */
public final class WebhookMetrics {
    private final MeterRegistry registry;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    WebhookMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The meters of one endpoint, registered at 0 the first time. */
    public Endpoint endpoint(String endpointId, String owner) {
        return endpoints.computeIfAbsent(endpointId, id -> new Endpoint(registry, Tags.of(MetricNames.TAG_ENDPOINT, id,
                MetricNames.TAG_OWNER, owner)));
    }

    /** Drops an endpoint's series (it was removed). */
    public void remove(String endpointId) {
        Endpoint endpoint = endpoints.remove(endpointId);
        if (endpoint != null) {
            endpoint.meters.forEach(registry::remove);
        }
    }

    /** One endpoint's meters. Thread-safe. */
    public static final class Endpoint {
        private final Counter sent;
        private final Counter failed;
        private final Counter retries;
        private final Timer latency;
        private final AtomicLong retrying = new AtomicLong();
        private volatile LongSupplier oldestPendingMillis = () -> 0;
        private final List<Meter> meters = new ArrayList<>();

        private Endpoint(MeterRegistry registry, Tags tags) {
            sent = register(Counter.builder(MetricNames.WEBHOOK_DELIVERIES).tags(tags).tag(MetricNames.TAG_OUTCOME, "sent")
                    .description("Webhook messages delivered (a 2xx answer) or dead-lettered, by endpoint").register(registry));
            failed = register(Counter.builder(MetricNames.WEBHOOK_DELIVERIES).tags(tags).tag(MetricNames.TAG_OUTCOME, "failed")
                    .description("Webhook messages delivered (a 2xx answer) or dead-lettered, by endpoint").register(registry));
            retries = register(Counter.builder(MetricNames.WEBHOOK_RETRIES).tags(tags)
                    .description("Webhook attempts that failed and will be retried, by endpoint").register(registry));
            latency = register(Timer.builder(MetricNames.WEBHOOK_LATENCY).tags(tags)
                    .description("One webhook attempt, from request to answer or failure, by endpoint")
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(60))
                    .register(registry));
            register(Gauge.builder(MetricNames.WEBHOOK_RETRYING, retrying, AtomicLong::get).tags(tags)
                    .description("Webhook messages waiting for their next attempt, by endpoint").register(registry));
            register(Gauge.builder(MetricNames.WEBHOOK_OLDEST_PENDING, this, e -> e.oldestPendingMillis.getAsLong() / 1000.0)
                    .tags(tags).baseUnit("seconds").strongReference(true)
                    .description("Age of the oldest webhook message not yet delivered or dead-lettered, by endpoint")
                    .register(registry));
        }

        private <M extends Meter> M register(M meter) {
            meters.add(meter);
            return meter;
        }

        public void sent() {
            sent.increment();
        }

        public void failed() {
            failed.increment();
        }

        public void retry() {
            retries.increment();
        }

        public void attempt(Duration took) {
            latency.record(took);
        }

        public void retrying(long waiting) {
            retrying.set(waiting);
        }

        /** Where the oldest-pending gauge reads its age from (milliseconds). */
        public void oldestPending(LongSupplier ageMillis) {
            oldestPendingMillis = Objects.requireNonNull(ageMillis, "ageMillis");
        }

        public double sentCount() {
            return sent.count();
        }

        public double failedCount() {
            return failed.count();
        }

        public double retryCount() {
            return retries.count();
        }
    }
}
