package org.lurewatch.kafka;

import java.util.Objects;

/**
 * The names of every topic the pipeline uses, in one place. Per-destination alert topics are a prefix plus
 * the hotline or partner id from the routes file.
 */
public record Topics(
        String jobAds,
        String social,
        String partnerFlags,
        String deadLetter,
        String scored,
        String campaigns,
        String feedback,
        String watchlist,
        String hotlineAlertPrefix,
        String partnerAlertPrefix) {

    public Topics {
        Objects.requireNonNull(jobAds, "jobAds");
        Objects.requireNonNull(social, "social");
        Objects.requireNonNull(partnerFlags, "partnerFlags");
        Objects.requireNonNull(deadLetter, "deadLetter");
        Objects.requireNonNull(scored, "scored");
        Objects.requireNonNull(campaigns, "campaigns");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(watchlist, "watchlist");
        Objects.requireNonNull(hotlineAlertPrefix, "hotlineAlertPrefix");
        Objects.requireNonNull(partnerAlertPrefix, "partnerAlertPrefix");
    }

    /** The names in {@code topology/topics.yaml}. */
    public static Topics defaults() {
        return new Topics("feeds.jobads", "feeds.social", "partner-flags", "deadletter", "posts.scored", "campaigns",
                "feedback", "watchlist", "alerts.hotline.", "alerts.partner.");
    }

    /** The same topics with a prefix, for side-by-side runs on one broker (benchmarks, tests). */
    public Topics withPrefix(String prefix) {
        return new Topics(prefix + jobAds, prefix + social, prefix + partnerFlags, prefix + deadLetter, prefix + scored,
                prefix + campaigns, prefix + feedback, prefix + watchlist, prefix + hotlineAlertPrefix,
                prefix + partnerAlertPrefix);
    }

    /** Every fixed topic name (not the per-destination alert topics). */
    public java.util.List<String> fixedNames() {
        return java.util.List.of(jobAds, social, partnerFlags, deadLetter, scored, campaigns, feedback, watchlist);
    }

    public String hotlineAlerts(String hotlineId) {
        return hotlineAlertPrefix + hotlineId;
    }

    public String partnerAlerts(String partnerId) {
        return partnerAlertPrefix + partnerId;
    }
}
