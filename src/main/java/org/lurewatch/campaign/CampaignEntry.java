package org.lurewatch.campaign;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.Map;

/**
 * The value of the {@code campaign-store}, one of three states:
 * <ul>
 *   <li><b>live</b>: a campaign, with what each destination was told about it;</li>
 *   <li><b>alias</b>: left by a campaign merged into an older one (union-find's parent pointer); aliases always
 *       point to an older id, so following them ends;</li>
 *   <li><b>waiting</b>: posts sent to an id that has no campaign yet, because another post claimed link keys
 *       under it and then joined an existing campaign. The union that post started always resolves the id
 *       (the existing campaign is absorbed into it, or it becomes an alias), and the posts go on then. Without
 *       this, they would found a campaign for an instant and a hotline would be told about it as new. The
 *       waiting posts are kept folded into one bounded, unannounced campaign, not as a list: under load a hot
 *       id can collect thousands of them before the union arrives, and a list outgrew Kafka's record size.</li>
 * </ul>
 *
 * @param campaign the live campaign, or null
 * @param notices  for a live campaign, what each destination (by id) was last told
 * @param aliasOf  for an alias, the campaign it was merged into
 * @param waiting  for a waiting id, the posts waiting for it, folded into one campaign that no one was told of
 * @param touched  event time of the last command that reached it, for expiry
 */
public record CampaignEntry(Campaign campaign, Map<String, Notice> notices, @JsonProperty("alias_of") String aliasOf,
                            Campaign waiting, long touched) {
    public CampaignEntry {
        notices = notices == null ? Map.of() : Map.copyOf(notices);
        int states = (campaign != null ? 1 : 0) + (aliasOf != null ? 1 : 0) + (waiting == null ? 0 : 1);
        if (states != 1) {
            throw new IllegalArgumentException("a campaign entry is a campaign, an alias or waiting joins");
        }
    }

    public static CampaignEntry live(Campaign campaign, Map<String, Notice> notices, long touched) {
        return new CampaignEntry(campaign, notices, null, null, touched);
    }

    public static CampaignEntry alias(String of, long touched) {
        return new CampaignEntry(null, Map.of(), of, null, touched);
    }

    public static CampaignEntry waiting(Campaign waitingPosts, long touched) {
        return new CampaignEntry(null, Map.of(), null, waitingPosts, touched);
    }

    /** How many posts wait here (0 unless this is a waiting entry). */
    @JsonIgnore
    public int waitingPosts() {
        return waiting == null ? 0 : waiting.size();
    }

    @JsonIgnore
    public boolean isAlias() {
        return aliasOf != null;
    }

    @JsonIgnore
    public boolean isLive() {
        return campaign != null;
    }

    public CampaignEntry withNotices(Map<String, Notice> next) {
        return new CampaignEntry(campaign, next, aliasOf, waiting, touched);
    }

    /** Both sets of notices, merged per destination ({@link Notice#merge}). */
    static Map<String, Notice> merge(Map<String, Notice> a, Map<String, Notice> b) {
        Map<String, Notice> merged = new HashMap<>(a);
        b.forEach((destination, notice) -> merged.merge(destination, notice, Notice::merge));
        return merged;
    }
}
