package org.lurewatch.console;

import java.util.List;
import java.util.Locale;

/** The inbox: this hotline's alerts, open distress first, with filters, read marks, verdicts and pages. */
final class InboxPage {
    private static final int SUMMARY_CHARS = 160;

    private InboxPage() {
    }

    static String render(Layout.Viewer viewer, InboxQuery query, InboxResult result, String error) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<h1>Inbox</h1>");
        html.append("<p class=\"summary\">").append(result.allAlerts()).append(result.allAlerts() == 1 ? " alert" : " alerts")
                .append(" · <a href=\"").append(Layout.BASE).append("/?show=unread\">").append(result.unread()).append(" unread</a>")
                .append(" · <a href=\"").append(Layout.BASE).append("/?show=open&amp;kind=distress\">")
                .append(result.openDistress()).append(" distress without a verdict</a></p>");
        if (result.loading()) {
            html.append(Layout.notice("info", "Still reading alerts from Kafka: this list may be incomplete. Reload in a moment."));
        }
        if (error != null) {
            html.append(Layout.notice("error", error));
        }
        filters(html, query, result);
        if (result.rows().isEmpty()) {
            html.append("<div class=\"empty\" role=\"status\">");
            if (result.allAlerts() == 0) {
                html.append("<p><strong>No alerts for ").append(Html.text(viewer.hotlineName())).append(" yet.</strong></p>")
                        .append("<p>Alerts appear here as soon as Lurewatch routes them to your hotline: distress posts at once, "
                                + "lure campaigns when they first reach your band, then their updates.</p>");
            } else {
                html.append("<p><strong>No alerts match these filters.</strong></p><p><a href=\"").append(Layout.BASE)
                        .append("/\">Clear the filters</a> to see all ").append(result.allAlerts()).append(" alerts.</p>");
            }
            html.append("</div>");
            return Layout.page(viewer, "Inbox", Layout.Nav.INBOX, html.toString());
        }
        html.append("<table class=\"alerts\"><caption>").append(result.total()).append(result.total() == 1 ? " alert" : " alerts")
                .append(query.filtered() ? " match the filters" : "")
                .append(". Distress without a verdict first, then newest first.</caption>")
                .append("<thead><tr><th scope=\"col\"><span class=\"visually-hidden\">Read</span></th>")
                .append("<th scope=\"col\">Kind</th><th scope=\"col\">Band</th><th scope=\"col\">Alert</th>")
                .append("<th scope=\"col\">Language</th><th scope=\"col\">Platforms</th><th scope=\"col\">Received</th>")
                .append("<th scope=\"col\">Verdict</th></tr></thead><tbody>");
        for (AlertView alert : result.rows()) {
            boolean read = result.read().contains(alert.id());
            VerdictView verdict = result.verdicts().get(alert.verdictSubject());
            html.append("<tr class=\"alert").append(read ? "" : " unread").append(alert.distress() ? " distress" : "")
                    .append("\" data-kind=\"").append(alert.kind().name().toLowerCase(Locale.ROOT)).append("\">")
                    .append("<td>").append(read ? "<span class=\"visually-hidden\">read</span>"
                            : "<span class=\"dot\" aria-hidden=\"true\"></span><span class=\"visually-hidden\">unread</span>")
                    .append("</td><td><span class=\"kind kind-").append(alert.kind().name().toLowerCase(Locale.ROOT)).append("\">")
                    .append(alert.kind().label()).append("</span>")
                    .append(alert.kind() == AlertView.Kind.UPDATE && alert.newPosts() > 0
                            ? " <span class=\"muted small\">+" + alert.newPosts() + " posts</span>" : "")
                    .append("</td><td>").append(Html.band(alert.band())).append("</td><td class=\"what\"><a href=\"")
                    .append(Layout.alertHref(alert.id())).append("\"><span lang=\"")
                    .append(Labels.langAttribute(alert.post().language())).append("\" dir=\"auto\">")
                    .append(Html.text(summary(alert))).append("</span></a>");
            if (alert.campaignId() != null) {
                html.append("<span class=\"muted small\">Campaign of ").append(alert.size())
                        .append(alert.size() == 1 ? " post" : " posts").append("</span>");
            }
            html.append("</td><td>").append(Html.text(Labels.language(alert.language()))).append("</td><td>")
                    .append(Html.text(String.join(", ", alert.platforms().stream().map(Labels::platform).toList())))
                    .append("</td><td>").append(Html.time(alert.time())).append("</td><td>")
                    .append(verdict == null ? "<span class=\"muted\">none</span>"
                            : "<span class=\"verdict-" + Html.attr(verdict.verdict()) + "\">" + Html.text(verdict.verdictLabel()) + "</span>")
                    .append("</td></tr>");
        }
        html.append("</tbody></table>");
        pages(html, query, result);
        return Layout.page(viewer, "Inbox", Layout.Nav.INBOX, html.toString());
    }

    private static String summary(AlertView alert) {
        String text = alert.post().excerpt();
        if (text == null || text.isBlank()) {
            return alert.post().key();
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        if (oneLine.length() <= SUMMARY_CHARS) {
            return oneLine;
        }
        int end = SUMMARY_CHARS;
        if (Character.isHighSurrogate(oneLine.charAt(end - 1))) {
            end--;
        }
        return oneLine.substring(0, end) + "…";
    }

    private static void filters(StringBuilder html, InboxQuery query, InboxResult result) {
        html.append("<form class=\"filters\" method=\"get\" action=\"").append(Layout.BASE).append("/\">")
                .append("<fieldset><legend>Filter alerts</legend>");
        select(html, "show", "Show", query.show() == InboxQuery.Show.ALL ? "" : query.show().name().toLowerCase(Locale.ROOT),
                List.of("", "unread", "open"), List.of("All alerts", "Unread", "Without a verdict"));
        select(html, "kind", "Kind", query.kind() == null ? "" : query.kind().name().toLowerCase(Locale.ROOT),
                List.of("", "distress", "lure", "update"), List.of("Any kind", "Distress", "New campaign", "Campaign update"));
        select(html, "band", "Band", query.band() == null ? "" : query.band(),
                List.of("", "critical", "high", "medium", "low"), List.of("Any band", "Critical", "High", "Medium", "Low"));
        List<String> languages = new java.util.ArrayList<>(List.of(""));
        languages.addAll(result.languages());
        select(html, "lang", "Language", query.language() == null ? "" : query.language(), languages,
                languages.stream().map(code -> code.isEmpty() ? "Any language" : Labels.language(code)).toList());
        List<String> platforms = new java.util.ArrayList<>(List.of(""));
        platforms.addAll(result.platforms());
        select(html, "platform", "Platform", query.platform() == null ? "" : query.platform(), platforms,
                platforms.stream().map(p -> p.isEmpty() ? "Any platform" : Labels.platform(p)).toList());
        html.append("<div class=\"field\"><label for=\"f-from\">From</label><input id=\"f-from\" name=\"from\" type=\"date\" value=\"")
                .append(query.from() == null ? "" : query.from()).append("\"></div>")
                .append("<div class=\"field\"><label for=\"f-to\">To</label><input id=\"f-to\" name=\"to\" type=\"date\" value=\"")
                .append(query.to() == null ? "" : query.to()).append("\"></div>")
                .append("<div class=\"field actions\"><button type=\"submit\" class=\"primary\">Apply</button>");
        if (query.filtered()) {
            html.append(" <a href=\"").append(Layout.BASE).append("/\">Clear</a>");
        }
        html.append("</div></fieldset></form>");
    }

    private static void select(StringBuilder html, String name, String label, String current, List<String> values,
                               List<String> labels) {
        html.append("<div class=\"field\"><label for=\"f-").append(name).append("\">").append(label).append("</label>")
                .append("<select id=\"f-").append(name).append("\" name=\"").append(name).append("\">");
        for (int i = 0; i < values.size(); i++) {
            html.append("<option value=\"").append(Html.attr(values.get(i))).append('"')
                    .append(values.get(i).equals(current) ? " selected" : "").append('>').append(Html.text(labels.get(i)))
                    .append("</option>");
        }
        html.append("</select></div>");
    }

    private static void pages(StringBuilder html, InboxQuery query, InboxResult result) {
        if (result.pages() <= 1) {
            return;
        }
        html.append("<nav class=\"pages\" aria-label=\"Pages\">");
        if (result.page() > 1) {
            html.append("<a rel=\"prev\" href=\"").append(Layout.BASE).append("/?")
                    .append(Html.attr(query.withPage(result.page() - 1).toQueryString())).append("\">← Newer</a>");
        }
        html.append("<span>Page ").append(result.page()).append(" of ").append(result.pages()).append("</span>");
        if (result.page() < result.pages()) {
            html.append("<a rel=\"next\" href=\"").append(Layout.BASE).append("/?")
                    .append(Html.attr(query.withPage(result.page() + 1).toQueryString())).append("\">Older →</a>");
        }
        html.append("</nav>");
    }
}
