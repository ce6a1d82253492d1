package org.lurewatch.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.lurewatch.assess.Category;
import org.lurewatch.campaign.Campaign;
import org.lurewatch.campaign.CampaignPost;
import org.lurewatch.campaign.Notice;
import org.lurewatch.campaign.PostRef;
import org.lurewatch.kafka.Json;

/**
 * Builds the CloudEvents a hotline gets about a lure campaign: {@code org.lurewatch.alert.lure.v1} when the
 * campaign first reaches it, {@value #UPDATE_TYPE} when it has grown. Both carry the campaign summary, its
 * post references with links, and the highest-risk post with its indicators, evidence and a short excerpt;
 * never an author handle (recruiter contacts are in the campaign summary). The id is derived from campaign id,
 * revision and destination, so the same alert always has the same id.
 */
public final class CampaignAlertEvents {
    public static final String UPDATE_TYPE = AlertEvents.TYPE_PREFIX + "campaign-update." + AlertEvents.DATA_VERSION;

    private CampaignAlertEvents() {
    }

    /** {@code cmp-...#7} and the destination topic: one id per campaign revision per hotline. */
    public static String id(String campaignId, long revision, String destinationTopic) {
        return AlertEvents.id(campaignId + "#" + revision, destinationTopic);
    }

    /**
     * @param previous what this hotline was told last, or null for the first alert
     */
    public static ObjectNode build(Campaign campaign, Destination destination, Notice previous, Instant time) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("specversion", AlertEvents.SPEC_VERSION);
        event.put("id", id(campaign.id(), campaign.revision(), destination.topic()));
        event.put("source", AlertEvents.EVENT_SOURCE);
        event.put("type", previous == null ? AlertEvents.type(Category.LURE) : UPDATE_TYPE);
        event.put("subject", campaign.id());
        event.put("time", time.toString());
        event.put("datacontenttype", "application/json");
        event.put("lurewatchdestination", destination.id());
        event.set("data", data(campaign, previous));
        return event;
    }

    private static ObjectNode data(Campaign campaign, Notice previous) {
        CampaignPost top = campaign.topPost();
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("alert", previous == null ? "new" : "update");
        data.put("category", Category.LURE.wireName());
        data.put("score", AlertEvents.rounded(campaign.score()));
        data.put("band", campaign.band().wireName());
        data.put("language", top.ref().language());
        ObjectNode post = reference(data.putObject("post"), top.ref());
        post.put("excerpt", top.excerpt());
        if (top.country() != null) {
            post.put("country", top.country());
        }
        AlertEvents.indicators(data, top.indicators());
        data.set("campaign", summary(campaign));
        ArrayNode posts = data.putArray("posts");
        campaign.posts().forEach(ref -> reference(posts.addObject(), ref));
        if (previous != null) {
            data.set("changes", changes(campaign, previous));
        }
        data.put("model_version", top.modelVersion());
        data.put("recommended_action", "warn_and_trace");
        return data;
    }

    private static ObjectNode summary(Campaign campaign) {
        ObjectNode summary = Json.mapper().createObjectNode();
        summary.put("id", campaign.id());
        summary.put("revision", campaign.revision());
        summary.put("size", campaign.size());
        strings(summary.putArray("platforms"), campaign.platforms());
        strings(summary.putArray("languages"), campaign.languages());
        strings(summary.putArray("countries"), campaign.countries());
        contacts(summary.putArray("contacts"), campaign.contacts());
        summary.put("first_seen", campaign.firstSeen().toString());
        summary.put("last_seen", campaign.lastSeen().toString());
        strings(summary.putArray("merged_ids"), campaign.mergedIds());
        return summary;
    }

    private static ObjectNode changes(Campaign campaign, Notice previous) {
        ObjectNode changes = Json.mapper().createObjectNode();
        changes.put("since_revision", previous.revision());
        changes.put("new_posts", Math.max(0, campaign.size() - previous.size()));
        strings(changes.putArray("new_platforms"),
                campaign.platforms().stream().filter(p -> !previous.platforms().contains(p)).toList());
        contacts(changes.putArray("new_contacts"),
                campaign.contacts().stream().filter(c -> !previous.contacts().contains(c)).toList());
        if (!previous.band().equals(campaign.band())) {
            changes.put("previous_band", previous.band().wireName());
        }
        return changes;
    }

    private static ObjectNode reference(ObjectNode node, PostRef ref) {
        node.put("key", ref.key());
        node.put("source", ref.source());
        if (ref.url() != null) {
            node.put("url", ref.url());
        }
        if (ref.postedAt() != null) {
            node.put("posted_at", ref.postedAt().toString());
        }
        node.put("seen_at", ref.seenAt().toString());
        node.put("language", ref.language());
        node.put("score", AlertEvents.rounded(ref.score()));
        node.put("band", ref.band().wireName());
        return node;
    }

    /** Contact keys ({@code telegram:hr_job88}) as {@code {"type": "telegram", "value": "hr_job88"}}. */
    private static void contacts(ArrayNode array, List<String> keys) {
        for (String key : keys) {
            int colon = key.indexOf(':');
            array.addObject().put("type", key.substring(0, colon)).put("value", key.substring(colon + 1));
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
