package org.lurewatch.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lurewatch.alert.AlertEvents;
import org.lurewatch.alert.CampaignAlertEvents;

/**
 * Reads the CloudEvents of a hotline's alert topic (the contract in {@code topology/README.md}) into the console's
 * views. Lenient where the contract allows (optional fields), strict where the console needs a field: an event without
 * an id, a known type or a time is not an alert the console can show, and is skipped with a log line by the caller.
 */
final class AlertParser {
    static final String DISTRESS_TYPE = AlertEvents.TYPE_PREFIX + "distress." + AlertEvents.DATA_VERSION;
    static final String LURE_TYPE = AlertEvents.TYPE_PREFIX + "lure." + AlertEvents.DATA_VERSION;

    private AlertParser() {
    }

    /** The alert, or empty when the event is not one the console shows (a type it does not know). */
    static Optional<AlertView> alert(String hotline, JsonNode event, long sequence) {
        String id = text(event, "id");
        String type = text(event, "type");
        Instant time = instant(text(event, "time"));
        JsonNode data = event.path("data");
        if (id == null || type == null || time == null || !data.isObject()) {
            throw new IllegalArgumentException("not a Lurewatch alert: id, type, time and data are required");
        }
        AlertView.Kind kind;
        if (type.equals(DISTRESS_TYPE)) {
            kind = AlertView.Kind.DISTRESS;
        } else if (type.equals(LURE_TYPE)) {
            kind = AlertView.Kind.LURE;
        } else if (type.equals(CampaignAlertEvents.UPDATE_TYPE)) {
            kind = AlertView.Kind.UPDATE;
        } else {
            return Optional.empty();
        }
        JsonNode campaign = data.path("campaign");
        String campaignId = kind == AlertView.Kind.DISTRESS ? null : firstNonNull(text(campaign, "id"), text(event, "subject"));
        PostView post = post(data, id);
        List<String> platforms = campaign.isObject() ? strings(campaign.path("platforms"))
                : post.source() == null ? List.of() : List.of(post.source());
        int size = campaign.isObject() ? campaign.path("size").asInt(1) : 1;
        return Optional.of(new AlertView(id, hotline, kind, firstNonNull(text(event, "subject"), post.key()), campaignId,
                firstNonNull(text(data, "category"), kind == AlertView.Kind.DISTRESS ? "distress" : "lure"),
                firstNonNull(text(data, "band"), "low"), data.path("score").asDouble(), text(data, "language"), time,
                post, platforms, size, data.path("changes").path("new_posts").asInt(0),
                text(data, "recommended_action"), sequence));
    }

    /** The post an alert carries in {@code data.post}, with the alert's indicators. */
    static PostView post(JsonNode data, String alertId) {
        JsonNode post = data.path("post");
        return new PostView(firstNonNull(text(post, "key"), "unknown:" + alertId), text(post, "source"),
                text(post, "url"), instant(text(post, "posted_at")), firstNonNull(text(post, "language"), text(data, "language")),
                post.has("score") ? post.path("score").asDouble() : data.path("score").asDouble(),
                firstNonNull(text(post, "band"), text(data, "band")), text(data, "category"), text(post, "excerpt"),
                text(post, "author"), text(post, "country"), indicators(data.path("indicators")),
                indicators(data.path("counter_indicators")), alertId);
    }

    static List<PostRefView> postRefs(JsonNode posts) {
        List<PostRefView> refs = new ArrayList<>();
        for (JsonNode ref : posts) {
            String key = text(ref, "key");
            Instant seen = instant(text(ref, "seen_at"));
            if (key != null && seen != null) {
                refs.add(new PostRefView(key, text(ref, "source"), text(ref, "url"), instant(text(ref, "posted_at")), seen,
                        text(ref, "language"), ref.path("score").asDouble(), text(ref, "band")));
            }
        }
        return refs;
    }

    /** {@code [{"type":"telegram","value":"hr"}]} to {@code telegram:hr}, the pipeline's contact keys. */
    static List<String> contacts(JsonNode contacts) {
        List<String> keys = new ArrayList<>();
        for (JsonNode contact : contacts) {
            String type = text(contact, "type");
            String value = text(contact, "value");
            if (type != null && value != null) {
                keys.add(type + ":" + value);
            }
        }
        return keys;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> {
            if (node.isTextual()) {
                values.add(node.asText());
            }
        });
        return values;
    }

    private static List<IndicatorView> indicators(JsonNode array) {
        List<IndicatorView> indicators = new ArrayList<>();
        for (JsonNode node : array) {
            List<IndicatorView.Span> spans = new ArrayList<>();
            for (JsonNode span : node.path("evidence")) {
                int start = span.path("start").asInt(-1);
                int end = span.path("end").asInt(-1);
                if (start >= 0 && end >= start) {
                    spans.add(new IndicatorView.Span(start, end, firstNonNull(text(span, "text"), "")));
                }
            }
            String code = firstNonNull(text(node, "code"), "UNKNOWN");
            indicators.add(new IndicatorView(code, firstNonNull(text(node, "label"), code), text(node, "local_label"), spans));
        }
        return indicators;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty() ? value.asText() : null;
    }

    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
