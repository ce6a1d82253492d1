package org.lurewatch.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the topologies keep state and how often they sweep and publish, all in event (stream) time except
 * {@code campaignPublishInterval}. Every store is bounded by one of these (see {@code topology/README.md}).
 *
 * @param campaignTtl             {@code campaign.ttl.days}: a campaign or link key unused this long is forgotten
 * @param campaignPendingTtl      {@code campaign.pending.ttl.hours}: a post still waiting for link answers is given up
 * @param campaignPurgeInterval   {@code campaign.purge.interval.minutes}: how often campaign stores are swept
 * @param campaignPublishInterval {@code campaign.publish.interval.ms}: a changed campaign reaches {@code campaigns}
 *                                at most once per this much wall-clock time
 * @param feedbackFactsTtl        {@code feedback.facts.ttl.days}: what a verdict may judge (a post's or campaign's
 *                                contacts) is kept this long; a verdict that comes later resolves to nothing
 * @param signalSightingsTtl      {@code signals.sightings.ttl.days}: a contact only ever sighted is forgotten this
 *                                long after its last sighting
 */
public record TopologyConfig(Duration campaignTtl, Duration campaignPendingTtl, Duration campaignPurgeInterval,
                             Duration campaignPublishInterval, Duration feedbackFactsTtl, Duration signalSightingsTtl) {
    public TopologyConfig {
        for (Duration d : new Duration[] {campaignTtl, campaignPendingTtl, campaignPurgeInterval, campaignPublishInterval,
                feedbackFactsTtl, signalSightingsTtl}) {
            if (Objects.requireNonNull(d, "topology durations").isNegative() || d.isZero()) {
                throw new IllegalArgumentException("topology durations must be positive, was " + d);
            }
        }
    }

    /** The defaults of {@link Settings}, for tests and tools that build a topology without a config. */
    public static TopologyConfig defaults() {
        return LurewatchConfig.defaults().topology();
    }
}
