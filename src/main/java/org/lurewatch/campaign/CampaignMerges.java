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
 *   <li>{@code Join} adds a post. Only a post's own proposed id is founded by its join; a join for another id
 *       that has no campaign yet waits there ({@link CampaignEntry}) until the id gets one, by its founding
 *       post or an {@code Absorb}, or becomes an alias, when the waiting joins go on.</li>
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
        Campaign waiting = entry == null ? null : entry.waiting();
        if (command instanceof Join join) {
            if (live != null) {
                Campaign next = live.withPost(join.post());
                return next == live ? new Step(entry, List.of(), null) : changed(next, notices, entry, now);
            }
            if (!join.proposal().equals(id)) {
                Campaign held = waiting == null ? Campaign.founding(id, join.post()) : waiting.withPost(join.post());
                return new Step(CampaignEntry.waiting(held, touched(entry, now)), List.of(), null);
            }
            return changed(withWaiting(Campaign.founding(id, join.post()), waiting), notices, entry, now);
        }
        if (command instanceof Absorb absorb) {
            Campaign other = absorb.campaign();
            Campaign next = live == null ? withWaiting(Campaign.absorbedInto(id, other), waiting) : live.absorb(other);
            return changed(next, CampaignEntry.merge(notices, absorb.notices()), entry, now);
        }
        String with = ((Union) command).with();
        if (with.equals(id)) {
            return new Step(entry, List.of(), null);
        }
        if (CampaignIds.older(with, id)) {
            CampaignEntry alias = CampaignEntry.alias(with, now);
            if (live != null) {
                return new Step(alias, List.of(KeyValue.pair(with, new Absorb(live, notices))), live.mergedInto(with));
            }
            // The waiting posts go on as one absorb: this id was never announced, so it is just a merged id there.
            List<KeyValue<String, CampaignCommand>> onwards = waiting == null ? List.of()
                    : List.of(KeyValue.pair(with, new Absorb(waiting, Map.of())));
            return new Step(alias, onwards, null);
        }
        return new Step(entry, List.of(KeyValue.pair(with, new Union(id))), null);
    }

    private static Campaign withWaiting(Campaign campaign, Campaign waiting) {
        return waiting == null ? campaign : campaign.withWaiting(waiting);
    }

    private static long touched(CampaignEntry entry, long now) {
        return entry == null ? now : Math.max(entry.touched(), now);
    }

    private static Step changed(Campaign next, Map<String, Notice> notices, CampaignEntry entry, long now) {
        return new Step(CampaignEntry.live(next, notices, touched(entry, now)), List.of(), next);
    }
}
