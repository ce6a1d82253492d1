package org.lurewatch.ops;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tag values Lurewatch expects to see, so their counters can be registered at start.
 *
 * <p>Why eagerly: a Prometheus series that does not exist yet is not zero, it is absent, and
 * {@code rate()} over an absent series is empty. Dashboards would show "No data" and alert rules
 * such as "dead-letter rate high" could never compare against a baseline until the first event.
 * Registering the known combinations up front makes every series start at 0.
 *
 * <p>Values outside these sets are still counted (see {@link TagValueGuard}); this is only the
 * set that exists before the first event.
 *
 * @param sources           source platforms ({@code facebook}, {@code telegram}, ...)
 * @param kinds             post kinds ({@code job_ad}, {@code social_post}, {@code partner_flag})
 * @param categories        assessment categories ({@code lure}, {@code distress}, {@code benign}, {@code job_scam})
 * @param bands             risk bands ({@code low} .. {@code critical})
 * @param deadLetterReasons dead-letter reason codes
 * @param alertTypes        CloudEvents types of alerts ({@code org.lurewatch.alert.lure.v1}, ...)
 * @param destinations      hotlines and partners from the routes; empty until the app knows them
 * @param suppressionReasons reason codes the alert suppression uses; empty until the app passes them
 */
public record KnownTags(
        Set<String> sources,
        Set<String> kinds,
        Set<String> categories,
        Set<String> bands,
        Set<String> deadLetterReasons,
        Set<String> alertTypes,
        Set<Destination> destinations,
        Set<String> suppressionReasons) {

    /** The wire names used across the app on the day this was written; the app may pass its own. */
    public static KnownTags defaults() {
        return new KnownTags(
                ordered("facebook", "tiktok", "telegram", "x", "line", "jobstreet", "linkedin", "indeed"),
                ordered("job_ad", "social_post", "partner_flag"),
                ordered("lure", "distress", "benign", "job_scam"),
                ordered("low", "medium", "high", "critical"),
                ordered("not_json", "invalid_utf8", "schema_violation", "oversized", "scoring_failed", "partner_mismatch"),
                ordered("org.lurewatch.alert.lure.v1", "org.lurewatch.alert.distress.v1", "org.lurewatch.alert.job_scam.v1"),
                Set.of(),
                Set.of());
    }

    public KnownTags {
        sources = ordered(sources);
        kinds = ordered(kinds);
        categories = ordered(categories);
        bands = ordered(bands);
        deadLetterReasons = ordered(deadLetterReasons);
        alertTypes = ordered(alertTypes);
        destinations = ordered(destinations);
        suppressionReasons = ordered(suppressionReasons);
    }

    /** A copy with these destinations (typically every hotline and partner named in the routes). */
    public KnownTags withDestinations(Collection<Destination> newDestinations) {
        return new KnownTags(sources, kinds, categories, bands, deadLetterReasons, alertTypes, new LinkedHashSet<>(newDestinations), suppressionReasons);
    }

    /** A copy with these source platforms. */
    public KnownTags withSources(Collection<String> newSources) {
        return new KnownTags(new LinkedHashSet<>(newSources), kinds, categories, bands, deadLetterReasons, alertTypes, destinations, suppressionReasons);
    }

    /** A copy with these dead-letter reason codes. */
    public KnownTags withDeadLetterReasons(Collection<String> reasons) {
        return new KnownTags(sources, kinds, categories, bands, new LinkedHashSet<>(reasons), alertTypes, destinations, suppressionReasons);
    }

    /** A copy with these alert CloudEvents types. */
    public KnownTags withAlertTypes(Collection<String> types) {
        return new KnownTags(sources, kinds, categories, bands, deadLetterReasons, new LinkedHashSet<>(types), destinations, suppressionReasons);
    }

    /** A copy with these suppression reason codes; suppressed counters then exist per destination. */
    public KnownTags withSuppressionReasons(Collection<String> reasons) {
        return new KnownTags(sources, kinds, categories, bands, deadLetterReasons, alertTypes, destinations,
                new LinkedHashSet<>(reasons));
    }

    // Insertion order is kept so the eager registration (and so the scrape) is stable run to run.
    private static Set<String> ordered(String... values) {
        return ordered(List.of(values));
    }

    private static <T> Set<T> ordered(Collection<T> values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.copyOf(values)));
    }
}
