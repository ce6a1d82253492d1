package org.lurewatch.campaign;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.Map;

/**
 * The value of the {@code campaign-store}: a live campaign with what each destination was told about it, or
 * an alias left by a campaign that was merged into an older one (union-find's parent pointer). Aliases always
 * point to an older id, so following them ends.
 *
 * @param campaign the live campaign, or null for an alias
 * @param notices  for a live campaign, what each destination (by id) was last told
 * @param aliasOf  for an alias, the campaign it was merged into
 * @param touched  event time of the last command that reached it, for expiry
 */
public record CampaignEntry(Campaign campaign, Map<String, Notice> notices, @JsonProperty("alias_of") String aliasOf,
                            long touched) {
    public CampaignEntry {
        if ((campaign == null) == (aliasOf == null)) {
            throw new IllegalArgumentException("a campaign entry is either a campaign or an alias");
        }
        notices = notices == null ? Map.of() : Map.copyOf(notices);
    }

    public static CampaignEntry live(Campaign campaign, Map<String, Notice> notices, long touched) {
        return new CampaignEntry(campaign, notices, null, touched);
    }

    public static CampaignEntry alias(String of, long touched) {
        return new CampaignEntry(null, Map.of(), of, touched);
    }

    @JsonIgnore
    public boolean isAlias() {
        return aliasOf != null;
    }

    public CampaignEntry withNotices(Map<String, Notice> next) {
        return new CampaignEntry(campaign, next, aliasOf, touched);
    }

    /** Both sets of notices, merged per destination ({@link Notice#merge}). */
    static Map<String, Notice> merge(Map<String, Notice> a, Map<String, Notice> b) {
        Map<String, Notice> merged = new HashMap<>(a);
        b.forEach((destination, notice) -> merged.merge(destination, notice, Notice::merge));
        return merged;
    }
}
