package org.lurewatch.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lurewatch.kafka.Json;

/**
 * A campaign as a case file: JSON with everything the console shows about it (summary, contacts and their watchlist
 * status, posts, alerts, the riskiest post with its evidence, the hotline's verdicts), or CSV with one line per post
 * for a spreadsheet. Cells that a spreadsheet would run as a formula are quoted with a leading apostrophe.
 */
final class CaseExport {
    static final String FORMAT = "lurewatch-case";

    private CaseExport() {
    }

    static String json(Layout.Viewer viewer, CampaignView campaign, List<AlertView> alerts, List<VerdictView> verdicts,
                       Map<String, Optional<WatchView>> watch, Instant now) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("format", FORMAT).put("version", 1).put("exported_at", now.toString())
                .put("exported_by", viewer.username()).put("hotline", viewer.hotline());
        ObjectNode summary = root.putObject("campaign");
        summary.put("id", campaign.id()).put("revision", campaign.revision()).put("size", campaign.size())
                .put("band", campaign.band()).put("score", campaign.score());
        strings(summary.putArray("platforms"), campaign.platforms());
        strings(summary.putArray("languages"), campaign.languages());
        strings(summary.putArray("countries"), campaign.countries());
        strings(summary.putArray("merged_ids"), campaign.mergedIds());
        summary.put("first_seen", text(campaign.firstSeen())).put("last_seen", text(campaign.lastSeen()));
        ArrayNode contacts = root.putArray("contacts");
        for (String contact : campaign.contacts()) {
            WatchView view = new WatchView(contact, null, null, null);
            ObjectNode node = contacts.addObject().put("type", view.type()).put("value", view.value());
            watch.getOrDefault(contact, Optional.empty()).ifPresent(w -> node.put("watchlist", w.verdict()));
        }
        ArrayNode posts = root.putArray("posts");
        for (PostRefView post : campaign.posts()) {
            posts.addObject().put("key", post.key()).put("platform", post.source()).put("url", post.url())
                    .put("posted_at", text(post.postedAt())).put("seen_at", text(post.seenAt())).put("language", post.language())
                    .put("score", post.score()).put("band", post.band());
        }
        ArrayNode sent = root.putArray("alerts");
        for (AlertView alert : alerts) {
            sent.addObject().put("id", alert.id()).put("kind", alert.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("time", alert.time().toString()).put("band", alert.band()).put("score", alert.score())
                    .put("size", alert.size());
        }
        if (campaign.topPost() != null) {
            PostView top = campaign.topPost();
            ObjectNode node = root.putObject("riskiest_post");
            node.put("key", top.key()).put("platform", top.source()).put("url", top.url()).put("language", top.language())
                    .put("excerpt", top.excerpt());
            ArrayNode indicators = node.putArray("indicators");
            for (IndicatorView indicator : top.indicators()) {
                ObjectNode i = indicators.addObject().put("code", indicator.code()).put("label", indicator.label());
                ArrayNode evidence = i.putArray("evidence");
                indicator.evidence().forEach(span -> evidence.addObject().put("start", span.start()).put("end", span.end())
                        .put("text", span.text()));
            }
        }
        ArrayNode judged = root.putArray("verdicts");
        for (VerdictView verdict : verdicts) {
            judged.addObject().put("verdict", verdict.verdict()).put("analyst", verdict.analyst()).put("at", text(verdict.at()))
                    .put("note", verdict.note()).put("subject", verdict.subject());
        }
        return root.toPrettyString();
    }

    static String csv(CampaignView campaign) {
        StringBuilder csv = new StringBuilder("campaign_id,post_key,platform,url,posted_at,seen_at,language,score,band\r\n");
        for (PostRefView post : campaign.posts()) {
            csv.append(String.join(",", cell(campaign.id()), cell(post.key()), cell(post.source()), cell(post.url()),
                    cell(text(post.postedAt())), cell(text(post.seenAt())), cell(post.language()),
                    cell(Double.toString(post.score())), cell(post.band()))).append("\r\n");
        }
        return csv.toString();
    }

    /** RFC 4180 quoting, and a leading apostrophe before what a spreadsheet would take for a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
