package org.lurewatch.kafka;

import java.util.Objects;

/**
 * The names of every topic the pipeline uses, in one place. Per-destination alert topics are a prefix plus
 * the hotline or partner id from the routes file.
 *
 * @param campaignCommands internal: the campaign step's own work queue (joins, merges), keyed by campaign id;
 *                         written and read by the campaign step only (it loops, so it cannot be a repartition)
 * @param feedback         the base of the per-hotline verdict topics ({@link #hotlineFeedback}); the shared topic of
 *                         that name is no longer read or created (a verdict's hotline must come from its topic)
 * @param labelled         analyst verdicts resolved to post keys and contacts, kept for the next training run
 * @param consoleReads     the console's read marks (which analyst opened which alert), compacted; app only
 * @param signals          recruiter contacts confirmed by hotline verdicts, one compacted record per signal: what the
 *                         signal feed and signal webhooks serve
 * @param webhookDeadLetter webhook deliveries that failed for good: the original event and why, per endpoint
 * @param modelsShadow     operators' topic: a sample of a shadow model's disagreements with the live one
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
        String consoleReads,
        String signals,
        String webhookDeadLetter,
        String modelsShadow) {

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
        Objects.requireNonNull(consoleReads, "consoleReads");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(webhookDeadLetter, "webhookDeadLetter");
        Objects.requireNonNull(modelsShadow, "modelsShadow");
    }

    /** The names in {@code topology/topics.yaml}. */
    public static Topics defaults() {
        return new Topics("feeds.jobads", "feeds.social", "partner-flags", "deadletter", "posts.scored", "campaigns",
                "feedback", "watchlist", "alerts.hotline.", "alerts.partner.", "campaign-commands", "feedback.labelled",
                "console.reads", "signals", "webhooks.deadletter", "models.shadow");
    }

    /** The same topics with a prefix, for side-by-side runs on one broker (benchmarks, tests). */
    public Topics withPrefix(String prefix) {
        return new Topics(prefix + jobAds, prefix + social, prefix + partnerFlags, prefix + deadLetter, prefix + scored,
                prefix + campaigns, prefix + feedback, prefix + watchlist, prefix + hotlineAlertPrefix,
                prefix + partnerAlertPrefix, prefix + campaignCommands, prefix + labelled, prefix + consoleReads,
                prefix + signals, prefix + webhookDeadLetter, prefix + modelsShadow);
    }

    /** Every fixed topic name (not the per-hotline and per-partner topics of {@link #routeNames}). */
    public java.util.List<String> fixedNames() {
        return java.util.List.of(jobAds, social, deadLetter, scored, campaigns, watchlist,
                campaignCommands, labelled, consoleReads, signals, webhookDeadLetter, modelsShadow);
    }

    /** The raw feeds: the topics the feed connectors write and ingest reads (partner flags are per partner). */
    public java.util.List<String> inputNames() {
        return java.util.List.of(jobAds, social);
    }

    /**
     * Every topic of one hotline or partner: alerts and feedback per hotline, alerts and flags per partner. Each
     * exists so that a Kafka ACL can give it to that one principal.
     */
    public java.util.List<String> routeNames(java.util.Collection<String> hotlineIds,
                                             java.util.Collection<String> partnerIds) {
        java.util.List<String> names = new java.util.ArrayList<>(alertNames(hotlineIds, partnerIds));
        hotlineIds.forEach(id -> names.add(hotlineFeedback(id)));
        partnerIds.forEach(id -> names.add(partnerFlags(id)));
        return java.util.List.copyOf(names);
    }

    /** One alert topic per hotline and per partner. */
    public java.util.List<String> alertNames(java.util.Collection<String> hotlineIds,
                                             java.util.Collection<String> partnerIds) {
        java.util.List<String> names = new java.util.ArrayList<>();
        hotlineIds.forEach(id -> names.add(hotlineAlerts(id)));
        partnerIds.forEach(id -> names.add(partnerAlerts(id)));
        return java.util.List.copyOf(names);
    }

    /** One verdicts topic per hotline ({@link #hotlineFeedback}): what the feedback step reads. */
    public java.util.List<String> hotlineFeedbackNames(java.util.Collection<String> hotlineIds) {
        return hotlineIds.stream().map(this::hotlineFeedback).toList();
    }

    /** The hotline whose verdicts topic this is, if it is one ({@code feedback.hotline.indonesia} to indonesia). */
    public java.util.Optional<String> hotlineOfFeedback(String topic) {
        String prefix = hotlineFeedback("");
        return topic != null && topic.startsWith(prefix) && topic.length() > prefix.length()
                ? java.util.Optional.of(topic.substring(prefix.length())) : java.util.Optional.empty();
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
