package org.lurewatch.kafka;

import java.util.Objects;

/**
 * The names of every topic the pipeline uses, in one place. Per-destination alert topics are a prefix plus
 * the hotline or partner id from the routes file.
 *
 * @param campaignCommands internal: the campaign step's own work queue (joins, merges), keyed by campaign id;
 *                         written and read by the campaign step only (it loops, so it cannot be a repartition)
 * @param labelled         analyst verdicts resolved to post keys and contacts, kept for the next training run
 * @param signals          recruiter contacts confirmed by hotline verdicts, one compacted record per signal: what the
 *                         signal feed and signal webhooks serve
 * @param webhookDeadLetter webhook deliveries that failed for good: the original event and why, per endpoint
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
        String partnerAlertPrefix,
        String campaignCommands,
        String labelled,
        String signals,
        String webhookDeadLetter) {
    private static final String DEFAULT_LABELLED = "feedback.labelled";
    private static final String DEFAULT_SIGNALS = "signals";
    private static final String DEFAULT_WEBHOOK_DEAD_LETTER = "webhooks.deadletter";

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
        Objects.requireNonNull(campaignCommands, "campaignCommands");
        Objects.requireNonNull(labelled, "labelled");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(webhookDeadLetter, "webhookDeadLetter");
    }

    /**
     * The twelve names a hand-built set has always given (the benchmark mixes shared inputs with per-round outputs):
     * {@code signals} and {@code webhookDeadLetter} take the prefix of {@code labelled}, as {@link #withPrefix} would.
     */
    public Topics(String jobAds, String social, String partnerFlags, String deadLetter, String scored, String campaigns,
                  String feedback, String watchlist, String hotlineAlertPrefix, String partnerAlertPrefix,
                  String campaignCommands, String labelled) {
        this(jobAds, social, partnerFlags, deadLetter, scored, campaigns, feedback, watchlist, hotlineAlertPrefix,
                partnerAlertPrefix, campaignCommands, labelled, besideLabelled(labelled, DEFAULT_SIGNALS),
                besideLabelled(labelled, DEFAULT_WEBHOOK_DEAD_LETTER));
    }

    private static String besideLabelled(String labelled, String name) {
        Objects.requireNonNull(labelled, "labelled");
        return labelled.endsWith(DEFAULT_LABELLED)
                ? labelled.substring(0, labelled.length() - DEFAULT_LABELLED.length()) + name
                : labelled + "." + name;
    }

    /** The names in {@code topology/topics.yaml}. */
    public static Topics defaults() {
        return new Topics("feeds.jobads", "feeds.social", "partner-flags", "deadletter", "posts.scored", "campaigns",
                "feedback", "watchlist", "alerts.hotline.", "alerts.partner.", "campaign-commands", DEFAULT_LABELLED,
                DEFAULT_SIGNALS, DEFAULT_WEBHOOK_DEAD_LETTER);
    }

    /** The same topics with a prefix, for side-by-side runs on one broker (benchmarks, tests). */
    public Topics withPrefix(String prefix) {
        return new Topics(prefix + jobAds, prefix + social, prefix + partnerFlags, prefix + deadLetter, prefix + scored,
                prefix + campaigns, prefix + feedback, prefix + watchlist, prefix + hotlineAlertPrefix,
                prefix + partnerAlertPrefix, prefix + campaignCommands, prefix + labelled, prefix + signals,
                prefix + webhookDeadLetter);
    }

    /** Every fixed topic name (not the per-destination alert topics). */
    public java.util.List<String> fixedNames() {
        return java.util.List.of(jobAds, social, partnerFlags, deadLetter, scored, campaigns, feedback, watchlist,
                campaignCommands, labelled, signals, webhookDeadLetter);
    }

    /** The raw feeds: the topics the outside world writes and ingest reads. */
    public java.util.List<String> inputNames() {
        return java.util.List.of(jobAds, social, partnerFlags);
    }

    /** One alert topic per hotline and per partner. */
    public java.util.List<String> alertNames(java.util.Collection<String> hotlineIds,
                                             java.util.Collection<String> partnerIds) {
        java.util.List<String> names = new java.util.ArrayList<>();
        hotlineIds.forEach(id -> names.add(hotlineAlerts(id)));
        partnerIds.forEach(id -> names.add(partnerAlerts(id)));
        return java.util.List.copyOf(names);
    }

    public String hotlineAlerts(String hotlineId) {
        return hotlineAlertPrefix + hotlineId;
    }

    public String partnerAlerts(String partnerId) {
        return partnerAlertPrefix + partnerId;
    }

    /**
     * The flags topic of one partner, {@code partner-flags.<partner>}: only that partner's Kafka principal (and the
     * app's flag API, for that partner's API key) may write it, so the partner of a flag is the topic's, never a
     * payload field. See docs/identity.md.
     */
    public String partnerFlags(String partnerId) {
        return partnerFlags + "." + partnerId;
    }

    /** One flags topic per partner, {@code partner-flags.<partner>}, in the order given. */
    public java.util.List<String> partnerFlagNames(java.util.Collection<String> partnerIds) {
        return partnerIds.stream().map(this::partnerFlags).toList();
    }

    /**
     * The verdicts topic of one hotline, {@code feedback.hotline.<hotline>}: only that hotline's Kafka principal
     * (and the app's console, for that hotline's analysts) may write it, so the hotline of a verdict is the topic's.
     */
    public String hotlineFeedback(String hotlineId) {
        return feedback + ".hotline." + hotlineId;
    }
}
