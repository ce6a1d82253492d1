package org.lurewatch.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The flag API's and signal feed's meters:
 * <ul>
 *   <li>{@code lurewatch_flags_total{partner, result="accepted"|"duplicate"|"rejected"}}: flags by outcome;</li>
 *   <li>{@code lurewatch_partner_api_limited_total{partner, limit="requests"|"flags"}}: requests answered 429;</li>
 *   <li>{@code lurewatch_signals_active}: active signals in this instance's feed.</li>
 * </ul>
 * Partners come from the routes (the API key's partner), so the series are few; they exist at 0 once
 * {@link #partners} has named them.
 */
public final class PartnerApiMetrics {
    public static final List<String> RESULTS = List.of("accepted", "duplicate", "rejected");
    public static final List<String> LIMITS = List.of("requests", "flags");

    private final MeterRegistry registry;
    private final Map<List<String>, Counter> flags = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> limited = new ConcurrentHashMap<>();
    private final AtomicReference<Supplier<? extends Number>> activeSignals = new AtomicReference<>();

    PartnerApiMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        Gauge.builder(MetricNames.SIGNALS_ACTIVE, activeSignals, LurewatchMetrics::readSupplied)
                .description("Active signals (confirmed recruiter contacts) in this instance's signal feed")
                .strongReference(true).register(registry);
    }

    /** Registers every partner's counters at 0. */
    public void partners(Collection<String> partnerIds) {
        for (String partner : partnerIds) {
            RESULTS.forEach(result -> flagCounter(partner, result));
            LIMITS.forEach(limit -> limitedCounter(partner, limit));
        }
    }

    /** {@code count} flags of a partner ended with {@code result} (accepted, duplicate, rejected). */
    public void flags(String partner, String result, int count) {
        if (count > 0) {
            flagCounter(partner, result).increment(count);
        }
    }

    /** A partner's request got 429 for {@code limit} (requests or flags). */
    public void limited(String partner, String limit) {
        limitedCounter(partner, limit).increment();
    }

    /** Where the active-signal gauge reads from; NaN until set or when it throws. */
    public void activeSignals(Supplier<? extends Number> supplier) {
        activeSignals.set(Objects.requireNonNull(supplier, "supplier"));
    }

    public double flagCount(String partner, String result) {
        return flagCounter(partner, result).count();
    }

    private Counter flagCounter(String partner, String result) {
        return flags.computeIfAbsent(List.of(partner, result), k -> Counter.builder(MetricNames.FLAGS)
                .description("Flags submitted over the flag API, by partner and result")
                .tags(MetricNames.TAG_PARTNER, k.get(0), MetricNames.TAG_RESULT, k.get(1)).register(registry));
    }

    private Counter limitedCounter(String partner, String limit) {
        return limited.computeIfAbsent(List.of(partner, limit), k -> Counter.builder(MetricNames.PARTNER_API_LIMITED)
                .description("Partner API requests answered 429, by partner and the limit they hit")
                .tags(MetricNames.TAG_PARTNER, k.get(0), MetricNames.TAG_LIMIT, k.get(1)).register(registry));
    }
}
