package org.lurewatch.campaign;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The value of the {@code campaign-store}: a live campaign, or an alias left by a campaign that was merged into
 * an older one (union-find's parent pointer). Aliases always point to an older id, so following them ends.
 *
 * @param campaign the live campaign, or null for an alias
 * @param aliasOf  for an alias, the campaign it was merged into
 * @param touched  event time of the last command that reached it, for expiry
 */
public record CampaignEntry(Campaign campaign, @JsonProperty("alias_of") String aliasOf, long touched) {
    public CampaignEntry {
        if ((campaign == null) == (aliasOf == null)) {
            throw new IllegalArgumentException("a campaign entry is either a campaign or an alias");
        }
    }

    public static CampaignEntry live(Campaign campaign, long touched) {
        return new CampaignEntry(campaign, null, touched);
    }

    public static CampaignEntry alias(String of, long touched) {
        return new CampaignEntry(null, of, touched);
    }

    @JsonIgnore
    public boolean isAlias() {
        return aliasOf != null;
    }
}
