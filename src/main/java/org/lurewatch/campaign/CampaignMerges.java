package org.lurewatch.campaign;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.lurewatch.campaign.CampaignCommand.Absorb;
import org.lurewatch.campaign.CampaignCommand.Join;
import org.lurewatch.campaign.CampaignCommand.Union;

/**
 * What one command does to one campaign entry: union-find over messages, with no Kafka in it, so the rules can
 * be tested in any delivery order.
 *
 * <ul>
 *   <li>Anything addressed to an alias goes on to the campaign the alias points to.</li>
 *   <li>{@code Join} adds a post (a missing entry is an empty campaign, founded by the post).</li>
 *   <li>{@code Union(with)}: if {@code with} is older, this campaign becomes an alias of it and sends it an
 *       {@code Absorb} with all its content; if younger, it asks {@code with} to do the same towards it. Each
 *       step either merges or moves to an older id, so every chain of unions ends, in the oldest id.</li>
 *   <li>{@code Absorb} merges the content of a campaign that became an alias of this one, and what each
 *       destination was told about it ({@link Notice}), so merges never look new to a hotline.</li>
 * </ul>
 */
public final class CampaignMerges {
    private CampaignMerges() {
    }

    /**
     * @param next      the entry to store, or the same instance when nothing changed
     * @param commands  commands to send on, keyed by the campaign they are addressed to
     * @param published the campaign record to publish (a changed live campaign, or the last record of one that
     *                  was merged away), or null
     */
    public record Step(CampaignEntry next, List<KeyValue<String, CampaignCommand>> commands, Campaign published) {
        public Step {
            commands = List.copyOf(commands);
        }
    }

    public static Step apply(String id, CampaignEntry entry, CampaignCommand command, long now) {
        if (entry != null && entry.isAlias()) {
            return new Step(CampaignEntry.alias(entry.aliasOf(), Math.max(entry.touched(), now)),
                    List.of(KeyValue.pair(entry.aliasOf(), command)), null);
        }
        Campaign live = entry == null ? null : entry.campaign();
        Map<String, Notice> notices = entry == null ? Map.of() : entry.notices();
        if (command instanceof Join join) {
            Campaign next = live == null ? Campaign.founding(id, join.post()) : live.withPost(join.post());
            return next == live ? new Step(entry, List.of(), null) : changed(next, notices, entry, now);
        }
        if (command instanceof Absorb absorb) {
            Campaign other = absorb.campaign();
            Campaign next = live == null ? Campaign.absorbedInto(id, other) : live.absorb(other);
            return changed(next, CampaignEntry.merge(notices, absorb.notices()), entry, now);
        }
        String with = ((Union) command).with();
        if (with.equals(id)) {
            return new Step(entry, List.of(), null);
        }
        if (CampaignIds.older(with, id)) {
            CampaignEntry alias = CampaignEntry.alias(with, now);
            return live == null
                    ? new Step(alias, List.of(), null)
                    : new Step(alias, List.of(KeyValue.pair(with, new Absorb(live, notices))), live.mergedInto(with));
        }
        return new Step(entry, List.of(KeyValue.pair(with, new Union(id))), null);
    }

    private static Step changed(Campaign next, Map<String, Notice> notices, CampaignEntry entry, long now) {
        long touched = entry == null ? now : Math.max(entry.touched(), now);
        return new Step(CampaignEntry.live(next, notices, touched), List.of(), next);
    }
}
