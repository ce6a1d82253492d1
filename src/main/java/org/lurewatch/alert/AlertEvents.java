package org.lurewatch.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.lurewatch.assess.Assessment;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.Evidence;
import org.lurewatch.assess.Indicator;
import org.lurewatch.assess.ScoredPost;
import org.lurewatch.ingest.Post;
import org.lurewatch.kafka.Json;

/**
 * Builds per-post alerts as CloudEvents 1.0 in structured JSON mode (campaign alerts to hotlines are built
 * by {@link CampaignAlertEvents}). What each destination receives is the least that lets it act (see
 * {@code topology/README.md}):
 * <ul>
 *   <li>hotlines get distress posts one by one: the post reference, an excerpt, the indicators with evidence
 *       and the author handle, because the hotline must reach the person;</li>
 *   <li>partners get each lure on their own platform: the post reference and the evidence, never an author
 *       handle, never contacts, and never distress posts.</li>
 * </ul>
 */
public final class AlertEvents {
    public static final String SPEC_VERSION = "1.0";
    public static final String EVENT_SOURCE = "urn:lurewatch:alert-router";
    public static final String TYPE_PREFIX = "org.lurewatch.alert.";
    public static final String DATA_VERSION = "v1";
    private static final int HOTLINE_EXCERPT_CHARS = 500;

    private AlertEvents() {
    }

    /** {@code org.lurewatch.alert.lure.v1}, {@code org.lurewatch.alert.distress.v1}. */
    public static String type(Category category) {
        return TYPE_PREFIX + category.wireName() + "." + DATA_VERSION;
    }

    /**
     * The same post and destination always give the same id, so a consumer can de-duplicate redeliveries.
     * A name-based UUID (version 5 layout) over SHA-256.
     */
    public static String id(String postKey, String destinationTopic) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((postKey + "\u0000" + destinationTopic).getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            String hex = HexFormat.of().formatHex(hash, 0, 16);
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    public static ObjectNode build(String postKey, ScoredPost scored, Destination destination, Instant time) {
        Assessment assessment = scored.assessment();
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("specversion", SPEC_VERSION);
        event.put("id", id(postKey, destination.topic()));
        event.put("source", EVENT_SOURCE);
        event.put("type", type(assessment.category()));
        event.put("subject", postKey);
        event.put("time", time.toString());
        event.put("datacontenttype", "application/json");
        event.put("lurewatchdestination", destination.id());
        event.set("data", destination.kind() == Destination.Kind.HOTLINE
                ? distressData(postKey, scored) : partnerData(postKey, scored));
        return event;
    }

    /** Hotlines get posts one by one only for distress; lures reach them as campaigns. */
    private static ObjectNode distressData(String postKey, ScoredPost scored) {
        if (scored.assessment().category() != Category.DISTRESS) {
            throw new IllegalArgumentException("per-post hotline alerts are for distress posts, not " + postKey);
        }
        Post post = scored.post();
        ObjectNode data = common(postKey, scored);
        ObjectNode postNode = (ObjectNode) data.get("post");
        if (post.author() != null) {
            postNode.put("author", post.author());
        }
        postNode.put("excerpt", excerpt(post.fullText()));
        if (post.country() != null) {
            postNode.put("country", post.country());
        }
        data.put("recommended_action", "refer_for_rescue");
        return data;
    }

    private static ObjectNode partnerData(String postKey, ScoredPost scored) {
        ObjectNode data = common(postKey, scored);
        data.put("recommended_action", "review_for_takedown");
        return data;
    }

    private static ObjectNode common(String postKey, ScoredPost scored) {
        Post post = scored.post();
        Assessment assessment = scored.assessment();
        ObjectNode data = Json.mapper().createObjectNode();
        ObjectNode postNode = data.putObject("post");
        postNode.put("key", postKey);
        postNode.put("id", post.id());
        postNode.put("source", post.source());
        postNode.put("kind", post.kind().wireName());
        if (post.url() != null) {
            postNode.put("url", post.url());
        }
        if (post.postedAt() != null) {
            postNode.put("posted_at", post.postedAt().toString());
        }
        data.put("category", assessment.category().wireName());
        data.put("score", rounded(assessment.score()));
        data.put("band", assessment.band().wireName());
        data.put("language", assessment.language());
        indicators(data, assessment.indicators());
        data.put("model_version", assessment.modelVersion());
        return data;
    }

    /**
     * The reasons for the alert, as {@code data.indicators}: the indicators that raised the score, with labels
     * and evidence spans. Those that lowered it (a news or warning tone, signs of a licensed employer, a contact
     * cleared by a hotline) are never a reason for an alert; they go apart, as {@code data.counter_indicators}, so
     * a reader sees what spoke against it.
     */
    static void indicators(ObjectNode data, List<Indicator> indicators) {
        ArrayNode reasons = data.putArray("indicators");
        ArrayNode against = Json.mapper().createArrayNode();
        for (Indicator indicator : indicators) {
            ObjectNode node = indicator.weight() < 0 ? against.addObject() : reasons.addObject();
            node.put("code", indicator.code());
            node.put("label", indicator.label());
            if (indicator.localLabel() != null) {
                node.put("local_label", indicator.localLabel());
            }
            ArrayNode evidence = node.putArray("evidence");
            for (Evidence span : indicator.evidence()) {
                evidence.addObject().put("start", span.start()).put("end", span.end()).put("text", span.text());
            }
        }
        if (!against.isEmpty()) {
            data.set("counter_indicators", against);
        }
    }

    /** Scores are calibrated to about three decimals; more digits only suggest a precision there is not. */
    static double rounded(double score) {
        return Math.round(score * 1000) / 1000.0;
    }

    private static String excerpt(String text) {
        if (text.length() <= HOTLINE_EXCERPT_CHARS) {
            return text;
        }
        int end = HOTLINE_EXCERPT_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
