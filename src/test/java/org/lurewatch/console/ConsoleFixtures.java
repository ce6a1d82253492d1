package org.lurewatch.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lurewatch.alert.AlertEvents;
import org.lurewatch.alert.CampaignAlertEvents;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;

/**
 * Alerts, verdicts, watchlist changes and read marks as they arrive on the topics, for tests of the read model and the
 * pages without a broker: the same JSON the alert step, the console and the feedback step write.
 */
final class ConsoleFixtures {
    static final Topics TOPICS = Topics.defaults();
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static long offset;

    private ConsoleFixtures() {
    }

    static ObjectNode distress(String id, String postKey, String text, Instant time) {
        ObjectNode event = event(id, AlertParser.DISTRESS_TYPE, postKey, time);
        ObjectNode data = event.putObject("data");
        ObjectNode post = data.putObject("post").put("key", postKey).put("source", postKey.substring(0, postKey.indexOf(':')))
                .put("author", "ibu_" + id).put("excerpt", text).put("posted_at", time.minusSeconds(600).toString());
        post.put("url", "https://facebook.example/" + id);
        data.put("category", "distress").put("score", 0.97).put("band", "critical").put("language", "id")
                .put("recommended_action", "refer_for_rescue");
        indicator(data.putArray("indicators"), "HELP_REQUEST", "Asks for help or rescue", 0, Math.min(6, text.length()), text);
        return event;
    }

    /**
     * A campaign alert: the first one ({@code previous} 0) is a lure alert, later ones updates. Posts are
     * {@code <campaign>-p<n>} on facebook, the contact {@code telegram:<contact>}.
     */
    static ObjectNode campaign(String id, String campaignId, int revision, int size, String contact, String band,
                               Instant time, String... mergedIds) {
        ObjectNode event = event(id, revision == 1 ? AlertParser.LURE_TYPE : CampaignAlertEvents.UPDATE_TYPE, campaignId, time);
        ObjectNode data = event.putObject("data");
        String text = "LOKER CS KAMBOJA gaji 15 juta, hubungi Telegram @" + contact;
        data.put("alert", revision == 1 ? "new" : "update").put("category", "lure").put("score", 0.9).put("band", band)
                .put("language", "id").put("recommended_action", "warn_and_trace");
        data.putObject("post").put("key", campaignId + "-p1").put("source", "facebook").put("language", "id")
                .put("score", 0.9).put("band", band).put("excerpt", text).put("seen_at", time.toString());
        indicator(data.putArray("indicators"), "MESSAGING_APP_CONTACT", "Contact only through a messaging app",
                text.indexOf('@'), text.length(), text);
        ObjectNode summary = data.putObject("campaign").put("id", campaignId).put("revision", revision).put("size", size)
                .put("first_seen", T0.toString()).put("last_seen", time.toString());
        summary.putArray("platforms").add("facebook").add("tiktok");
        summary.putArray("languages").add("id");
        summary.putArray("countries");
        summary.putArray("contacts").addObject().put("type", "telegram").put("value", contact);
        ArrayNode merged = summary.putArray("merged_ids");
        for (String old : mergedIds) {
            merged.add(old);
        }
        ArrayNode posts = data.putArray("posts");
        for (int n = 1; n <= size; n++) {
            posts.addObject().put("key", campaignId + "-p" + n).put("source", n % 2 == 0 ? "tiktok" : "facebook")
                    .put("seen_at", T0.plusSeconds(3600L * n).toString()).put("language", "id").put("score", 0.8 + n / 1000.0)
                    .put("band", band);
        }
        if (revision > 1) {
            data.putObject("changes").put("since_revision", revision - 1).put("new_posts", 1);
        }
        return event;
    }

    private static ObjectNode event(String id, String type, String subject, Instant time) {
        return Json.mapper().createObjectNode().put("specversion", "1.0").put("id", id).put("source", AlertEvents.EVENT_SOURCE)
                .put("type", type).put("subject", subject).put("time", time.toString());
    }

    private static void indicator(ArrayNode indicators, String code, String label, int start, int end, String text) {
        indicators.addObject().put("code", code).put("label", label).putArray("evidence").addObject().put("start", start)
                .put("end", end).put("text", text.substring(start, end));
    }

    static ConsumerRecord<byte[], byte[]> alert(String hotline, ObjectNode event) {
        return record(TOPICS.hotlineAlerts(hotline), event.get("id").asText(), event.toString());
    }

    static ConsumerRecord<byte[], byte[]> verdict(String hotline, String json) {
        return record(TOPICS.hotlineFeedback(hotline), null, json);
    }

    static ConsumerRecord<byte[], byte[]> watch(String contact, String verdict, String hotline, Instant at) {
        return record(TOPICS.watchlist(), contact, verdict == null ? null
                : "{\"contact\":\"" + contact + "\",\"verdict\":\"" + verdict + "\",\"hotline\":\"" + hotline + "\",\"at\":\"" + at + "\"}");
    }

    static ConsumerRecord<byte[], byte[]> read(String hotline, String analyst, String alertId) {
        return record(TOPICS.consoleReads(), hotline + "/" + analyst + "/" + alertId,
                "{\"hotline\":\"" + hotline + "\",\"analyst\":\"" + analyst + "\",\"alert_id\":\"" + alertId + "\"}");
    }

    static ConsumerRecord<byte[], byte[]> record(String topic, String key, String value) {
        return new ConsumerRecord<>(topic, 0, offset++, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    static ConsoleReadModel model() {
        return new ConsoleReadModel(TOPICS, List.of("indonesia", "vietnam", "regional"), 1_000);
    }
}
