package org.lurewatch.campaign;

import java.time.Duration;
import java.util.Objects;

/**
 * How long campaign state is kept, in event time. These bound every campaign store (see
 * {@code topology/README.md}); they are not config keys yet because no deployment has needed other values.
 *
 * @param ttl           a campaign (with what hotlines were told) or a link key unused for this long is
 *                      forgotten: a recruiter who comes back later starts a new campaign
 * @param pendingTtl    a post still waiting for link answers after this long is given up (never happens unless
 *                      a record was lost; logged)
 * @param purgeInterval how often, in stream time, the stores are swept
 */
public record CampaignSettings(Duration ttl, Duration pendingTtl, Duration purgeInterval) {
    public CampaignSettings {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(pendingTtl, "pendingTtl");
        Objects.requireNonNull(purgeInterval, "purgeInterval");
        if (ttl.isNegative() || ttl.isZero() || pendingTtl.isNegative() || pendingTtl.isZero()
                || purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("campaign durations must be positive");
        }
    }

    public static CampaignSettings defaults() {
        return new CampaignSettings(Duration.ofDays(30), Duration.ofDays(1), Duration.ofHours(1));
    }
}
