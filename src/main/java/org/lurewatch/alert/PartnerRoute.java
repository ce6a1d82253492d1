package org.lurewatch.alert;

import java.util.Objects;
import java.util.Set;
import org.lurewatch.assess.Band;

/**
 * A platform partner and the platforms it hosts. A partner receives review requests for lures found on its
 * own platforms only, at or above its band; never distress posts.
 */
public record PartnerRoute(String id, String name, Set<String> platforms, Band minBand) {
    public PartnerRoute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        platforms = Set.copyOf(platforms);
        Objects.requireNonNull(minBand, "minBand");
    }

    public boolean hosts(String platform) {
        return platforms.contains(platform);
    }
}
