package org.lurewatch.campaign;

import java.time.Duration;
import java.util.Objects;

/**
 * How long campaign state is kept, in event time. These bound every campaign store (see
 * {@code topology/README.md}); the app takes them from the {@code campaign.*} config keys
 * ({@link org.lurewatch.config.TopologyConfig}).
 *
 * @param ttl           a campaign (with what hotlines were told) or a link key unused for this long is
 *                      forgotten: a recruiter who comes back later starts a new campaign
 * @param pendingTtl    a post still waiting for link answers after this long is given up (never happens unless
 *                      a record was lost; logged)
 * @param purgeInterval how often, in stream time, the stores are swept (and the granularity of their time indexes)
 * @param publishInterval a changed campaign is written to the {@code campaigns} topic at most once per this much
 *                      wall-clock time (the default commit interval), however many posts join it meanwhile
 */
public record CampaignSettings(Duration ttl, Duration pendingTtl, Duration purgeInterval, Duration publishInterval) {
    public CampaignSettings {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(pendingTtl, "pendingTtl");
        Objects.requireNonNull(purgeInterval, "purgeInterval");
        Objects.requireNonNull(publishInterval, "publishInterval");
        if (ttl.isNegative() || ttl.isZero() || pendingTtl.isNegative() || pendingTtl.isZero()
                || purgeInterval.isNegative() || purgeInterval.isZero() || publishInterval.isNegative()
                || publishInterval.isZero()) {
            throw new IllegalArgumentException("campaign durations must be positive");
        }
    }

    /** The interval at which changed campaigns are published by default: the default commit interval. */
    public static final Duration PUBLISH_INTERVAL = Duration.ofMillis(100);

    public static CampaignSettings defaults() {
        return new CampaignSettings(Duration.ofDays(30), Duration.ofDays(1), Duration.ofHours(1), PUBLISH_INTERVAL);
    }
}
