package org.lurewatch.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;

/**
 * A lure post waiting for the answers about its link keys: the value of the {@code campaign-pending-posts}
 * store. Either part may come first.
 *
 * @param arrived the post, once it has arrived
 * @param answers the campaigns found per link key so far
 * @param since   event time of the first event, for expiry of posts whose answers never come
 */
public record PendingPost(PostLinkEvent.Arrived arrived, Map<String, List<String>> answers, long since) {
    public PendingPost {
        answers = Map.copyOf(answers);
    }

    public static PendingPost start(long now) {
        return new PendingPost(null, Map.of(), now);
    }

    /** With the post; a second arrival of the same post (a replay) keeps the first. */
    public PendingPost with(PostLinkEvent.Arrived post) {
        return arrived != null ? this : new PendingPost(post, answers, since);
    }

    public PendingPost with(PostLinkEvent.Answered answer) {
        Map<String, List<String>> next = new LinkedHashMap<>(answers);
        next.putIfAbsent(answer.linkKey(), answer.campaignIds());
        return new PendingPost(arrived, next, since);
    }

    public boolean complete() {
        return arrived != null && answers.size() >= arrived.links();
    }

    /** Every campaign the post links to, oldest first; its own proposal when it has no link keys. */
    public Set<String> campaigns() {
        Set<String> ids = new TreeSet<>();
        answers.values().forEach(ids::addAll);
        if (ids.isEmpty()) {
            ids.add(arrived.proposal());
        }
        return ids;
    }

    /**
     * Where a complete post goes: it joins the oldest campaign it links to, and every other campaign it links
     * to is told to unite with that one. This is where link chains close: a post that shares a phone with one
     * campaign and a handle with another makes the two one.
     *
     * <p>A campaign that existed before the post is preferred to the post's own proposal, even when the
     * proposal is older (an old post arriving late, as in a replay): the post then joins the existing campaign
     * rather than founding a new one for an instant, and the union still settles on the oldest id.
     */
    public List<KeyValue<String, CampaignCommand>> placement() {
        Set<String> campaigns = campaigns();
        Set<String> existing = new TreeSet<>(campaigns);
        existing.remove(arrived.proposal());
        String target = CampaignIds.oldest(existing.isEmpty() ? campaigns : existing);
        List<KeyValue<String, CampaignCommand>> commands = new ArrayList<>();
        commands.add(KeyValue.pair(target, new CampaignCommand.Join(arrived.post(), arrived.proposal())));
        for (String other : campaigns) {
            if (!other.equals(target)) {
                commands.add(KeyValue.pair(other, new CampaignCommand.Union(target)));
            }
        }
        return commands;
    }
}
