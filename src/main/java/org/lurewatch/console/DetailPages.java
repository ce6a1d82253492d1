package org.lurewatch.console;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The pages of one thing: an alert, a campaign, a post. */
final class DetailPages {
    private DetailPages() {
    }

    static String alert(Layout.Viewer viewer, AlertView alert, Optional<CampaignView> campaign, List<VerdictView> verdicts,
                        String flash) {
        StringBuilder html = new StringBuilder(8_192);
        html.append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"").append(Layout.BASE).append("/\">Inbox</a> › Alert</nav>");
        html.append("<h1><span class=\"kind kind-").append(alert.kind().name().toLowerCase(java.util.Locale.ROOT)).append("\">")
                .append(alert.kind().label()).append("</span> ").append(Html.band(alert.band())).append("</h1>");
        if (flash != null) {
            html.append(Layout.notice("ok", flash));
        }
        html.append("<dl class=\"facts\">");
        fact(html, "Received", Html.time(alert.time()));
        fact(html, "Risk score", Html.score(alert.score()) + " <span class=\"muted small\">(" + Html.text(alert.category()) + ")</span>");
        fact(html, "Language", Html.text(Labels.language(alert.language())));
        fact(html, "Platform", Html.text(String.join(", ", alert.platforms().stream().map(Labels::platform).toList())));
        fact(html, "What to do", "<strong>" + Html.text(Layout.recommended(alert.recommendedAction())) + "</strong>");
        if (alert.post().author() != null) {
            fact(html, "Author on the platform", "<span dir=\"auto\">" + Html.text(alert.post().author()) + "</span>");
        }
        if (alert.post().country() != null) {
            fact(html, "Country", Html.text(alert.post().country()));
        }
        fact(html, "Alert id", "<code>" + Html.text(alert.id()) + "</code>");
        html.append("</dl>");
        if (campaign.isPresent()) {
            CampaignView c = campaign.get();
            html.append("<section class=\"campaign-box\" aria-labelledby=\"camp-h\"><h2 id=\"camp-h\">Campaign</h2><p>")
                    .append(c.size()).append(c.size() == 1 ? " post" : " posts").append(" on ")
                    .append(Html.text(String.join(", ", c.platforms().stream().map(Labels::platform).toList())))
                    .append(", first seen ").append(Html.time(c.firstSeen())).append(", last seen ").append(Html.time(c.lastSeen()))
                    .append(".</p>");
            contacts(html, c.contacts(), null);
            html.append("<p><a class=\"button\" href=\"").append(Layout.campaignHref(c.id())).append("\">Open the campaign</a></p></section>");
        }
        html.append("<section aria-labelledby=\"post-h\"><h2 id=\"post-h\">")
                .append(alert.distress() ? "The post" : "The campaign's riskiest post").append("</h2>")
                .append("<p class=\"muted small\">").append(Html.text(alert.post().key())).append(" · ")
                .append(Html.text(Labels.platform(alert.post().source()))).append(" · posted ")
                .append(Html.time(alert.post().postedAt())).append(" ")
                .append(Layout.externalLink(alert.post().url(), "Open on the platform"))
                .append(" · <a href=\"").append(Layout.postHref(alert.post().key())).append("\">Post page</a></p>")
                .append(Layout.post(viewer, alert.post())).append("</section>");
        String consequence = alert.distress()
                ? "A verdict on a distress post is kept as a label only: its words never become training data and nobody's "
                        + "contacts in it ever go on the watchlist. Confirmed: a real call for help. False positive: not distress."
                : "Confirmed puts the recruiter contacts of this campaign on the watchlist, so later posts that use them "
                        + "score higher, at every hotline. False positive lowers them; expired takes them off.";
        html.append(Layout.verdicts(viewer, alert.verdictSubject(), alert.id(), Layout.alertHref(alert.id()),
                alert.distress() ? "post" : "campaign", verdicts, consequence));
        return Layout.page(viewer, alert.kind().label() + " alert", Layout.Nav.INBOX, html.toString());
    }

    static String campaign(Layout.Viewer viewer, CampaignView campaign, List<AlertView> alerts, List<VerdictView> verdicts,
                           Map<String, Optional<WatchView>> watch, String flash) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"").append(Layout.BASE)
                .append("/campaigns\">Campaigns</a> › ").append(Html.text(campaign.id())).append("</nav>");
        html.append("<h1>Campaign ").append(Html.band(campaign.band())).append(" <span class=\"muted small\">")
                .append(Html.text(campaign.id())).append("</span></h1>");
        if (flash != null) {
            html.append(Layout.notice("ok", flash));
        }
        html.append("<dl class=\"facts\">");
        fact(html, "Posts", campaign.size() + (campaign.posts().size() < campaign.size()
                ? " <span class=\"muted small\">(" + campaign.posts().size() + " listed in the alerts)</span>" : ""));
        fact(html, "Platforms", Html.text(String.join(", ", campaign.platforms().stream().map(Labels::platform).toList())));
        fact(html, "Languages", Html.text(String.join(", ", campaign.languages().stream().map(Labels::language).toList())));
        if (!campaign.countries().isEmpty()) {
            fact(html, "Countries", Html.text(String.join(", ", campaign.countries())));
        }
        fact(html, "First seen", Html.time(campaign.firstSeen()));
        fact(html, "Last seen", Html.time(campaign.lastSeen()));
        fact(html, "Risk score", Html.score(campaign.score()));
        if (!campaign.mergedIds().isEmpty()) {
            fact(html, "Merged from", "<code>" + Html.text(String.join(", ", campaign.mergedIds())) + "</code>");
        }
        html.append("</dl>");
        html.append("<p class=\"exports\">Case file: <a href=\"").append(Layout.campaignHref(campaign.id()))
                .append("/export.json\" download>JSON</a> · <a href=\"").append(Layout.campaignHref(campaign.id()))
                .append("/export.csv\" download>CSV</a></p>");
        html.append("<section aria-labelledby=\"contacts-h\"><h2 id=\"contacts-h\">Recruiter contacts</h2>");
        contacts(html, campaign.contacts(), watch);
        html.append("</section>");
        html.append(Layout.verdicts(viewer, "campaign:" + campaign.id(), alerts.isEmpty() ? null : alerts.get(alerts.size() - 1).id(),
                Layout.campaignHref(campaign.id()), "campaign", verdicts,
                "Confirmed puts " + (campaign.contacts().size() == 1 ? "this recruiter contact" : "these "
                        + Labels.count(campaign.contacts().size(), "recruiter contact")) + " on the watchlist, so later posts "
                        + "that use it score higher, at every hotline. False positive lowers them; expired takes them off."));
        timeline(html, campaign);
        html.append("<section aria-labelledby=\"posts-h\"><h2 id=\"posts-h\">Posts</h2>")
                .append("<table class=\"posts\"><caption>Posts of the campaign as the alerts listed them, oldest first</caption>")
                .append("<thead><tr><th scope=\"col\">Posted</th><th scope=\"col\">Platform</th><th scope=\"col\">Language</th>")
                .append("<th scope=\"col\">Score</th><th scope=\"col\">Band</th><th scope=\"col\">Post</th></tr></thead><tbody>");
        for (PostRefView post : campaign.posts()) {
            html.append("<tr data-post=\"").append(Html.attr(post.key())).append("\" data-score=\"").append(post.score())
                    .append("\"><td>").append(Html.time(post.when()))
                    .append("</td><td>").append(Html.text(Labels.platform(post.source()))).append("</td><td>")
                    .append(Html.text(Labels.language(post.language()))).append("</td><td class=\"score\">")
                    .append(Html.score(post.score())).append("</td><td>").append(Html.band(post.band())).append("</td><td><a href=\"")
                    .append(Layout.postHref(post.key())).append("\">").append(Html.text(post.key())).append("</a> ")
                    .append(Layout.externalLink(post.url(), "platform")).append("</td></tr>");
        }
        html.append("</tbody></table></section>");
        html.append("<section aria-labelledby=\"history-h\"><h2 id=\"history-h\">Band history and alerts sent</h2>")
                .append("<table><caption>Every alert your hotline got about this campaign</caption><thead><tr>")
                .append("<th scope=\"col\">Sent</th><th scope=\"col\">Alert</th><th scope=\"col\">Band</th>")
                .append("<th scope=\"col\">Score</th><th scope=\"col\">Posts</th></tr></thead><tbody>");
        for (CampaignView.BandPoint point : campaign.history()) {
            html.append("<tr><td>").append(Html.time(point.at())).append("</td><td><a href=\"").append(Layout.alertHref(point.alertId()))
                    .append("\">").append(point.kind().label()).append("</a></td><td>").append(Html.band(point.band()))
                    .append("</td><td>").append(Html.score(point.score())).append("</td><td>").append(point.size()).append("</td></tr>");
        }
        html.append("</tbody></table></section>");
        if (campaign.topPost() != null) {
            PostView top = campaign.topPost();
            html.append("<section aria-labelledby=\"top-h\"><h2 id=\"top-h\">Riskiest post</h2><p class=\"muted small\">")
                    .append(Html.text(top.key())).append(" · ").append(Html.text(Labels.platform(top.source()))).append(" ")
                    .append(Layout.externalLink(top.url(), "Open on the platform")).append("</p>")
                    .append(Layout.post(viewer, top)).append("</section>");
        }
        return Layout.page(viewer, "Campaign", Layout.Nav.CAMPAIGNS, html.toString());
    }

    static String post(Layout.Viewer viewer, String key, Optional<PostView> post, Map<CampaignView, PostRefView> campaigns,
                       List<VerdictView> verdicts, String flash) {
        StringBuilder html = new StringBuilder(8_192);
        html.append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"").append(Layout.BASE).append("/\">Inbox</a> › Post</nav>");
        html.append("<h1>Post <span class=\"muted small\">").append(Html.text(key)).append("</span></h1>");
        if (flash != null) {
            html.append(Layout.notice("ok", flash));
        }
        PostRefView ref = campaigns.values().stream().findFirst().orElse(null);
        String url = post.map(PostView::url).orElse(ref == null ? null : ref.url());
        html.append("<dl class=\"facts\">");
        post.ifPresent(p -> {
            fact(html, "Category", Html.text(p.category()));
            fact(html, "Risk score", Html.score(p.score()) + " " + Html.band(p.band()));
            fact(html, "Language", Html.text(Labels.language(p.language())));
            fact(html, "Platform", Html.text(Labels.platform(p.source())));
            fact(html, "Posted", Html.time(p.postedAt()));
        });
        if (post.isEmpty() && ref != null) {
            fact(html, "Risk score", Html.score(ref.score()) + " " + Html.band(ref.band()));
            fact(html, "Language", Html.text(Labels.language(ref.language())));
            fact(html, "Platform", Html.text(Labels.platform(ref.source())));
            fact(html, "Posted", Html.time(ref.when()));
        }
        if (Html.safeExternalUrl(url)) {
            fact(html, "On the platform", Layout.externalLink(url, url));
        }
        html.append("</dl>");
        html.append("<section aria-labelledby=\"text-h\"><h2 id=\"text-h\">Text and evidence</h2>");
        if (post.isPresent()) {
            html.append(Layout.post(viewer, post.get()));
        } else {
            html.append("<p class=\"muted\">The alerts listed this post in a campaign without its text (hotlines get the text "
                    + "of a campaign's riskiest post and of distress posts). Open it on the platform to read it.</p>");
        }
        html.append("</section>");
        if (!campaigns.isEmpty()) {
            html.append("<section aria-labelledby=\"in-h\"><h2 id=\"in-h\">In campaigns</h2><ul>");
            campaigns.keySet().forEach(c -> html.append("<li><a href=\"").append(Layout.campaignHref(c.id())).append("\">")
                    .append(Html.text(c.id())).append("</a> · ").append(c.size()).append(" posts · ").append(Html.band(c.band()))
                    .append("</li>"));
            html.append("</ul></section>");
        }
        boolean distress = post.map(p -> "distress".equals(p.category())).orElse(false);
        html.append(Layout.verdicts(viewer, "post:" + key, post.map(PostView::alertId).orElse(null), Layout.postHref(key),
                "post", verdicts, distress
                        ? "A verdict on a distress post is kept as a label only: its words never become training data and "
                                + "nobody's contacts in it ever go on the watchlist."
                        : "Confirmed puts this post's recruiter contacts on the watchlist (a campaign verdict covers all its "
                                + "posts); false positive lowers them; expired takes them off. A verdict on a post also makes "
                                + "it a training example, with its text, for the next model."));
        return Layout.page(viewer, "Post", Layout.Nav.NONE, html.toString());
    }

    static void fact(StringBuilder html, String name, String valueHtml) {
        html.append("<div><dt>").append(Html.text(name)).append("</dt><dd>").append(valueHtml).append("</dd></div>");
    }

    /** The contacts with a link to search each, and its watchlist status when known. */
    static void contacts(StringBuilder html, List<String> contacts, Map<String, Optional<WatchView>> watch) {
        if (contacts.isEmpty()) {
            html.append("<p class=\"muted\">No recruiter contacts found in these posts.</p>");
            return;
        }
        html.append("<ul class=\"contacts\">");
        for (String contact : contacts) {
            WatchView view = new WatchView(contact, null, null, null);
            html.append("<li><span class=\"ctype\">").append(Html.text(Labels.contactType(view.type()))).append("</span> ")
                    .append("<a href=\"").append(Layout.searchHref(view.value())).append("\" class=\"contact\" dir=\"ltr\">")
                    .append(Html.text(view.value())).append("</a>");
            if (watch != null) {
                Optional<WatchView> status = watch.getOrDefault(contact, Optional.empty());
                html.append(status.map(w -> " <span class=\"watch verdict-" + Html.attr(w.verdict()) + "\">on the watchlist: "
                        + Html.text(Labels.verdict(w.verdict()).toLowerCase(java.util.Locale.ROOT)) + "</span>")
                        .orElse(" <span class=\"muted small\">not on the watchlist</span>"));
            }
            html.append("</li>");
        }
        html.append("</ul>");
    }

    /** Posts per day as bars: an SVG with attributes only (no inline style), and the same numbers as a list. */
    private static void timeline(StringBuilder html, CampaignView campaign) {
        TreeMap<LocalDate, Integer> perDay = new TreeMap<>();
        campaign.posts().forEach(p -> perDay.merge(p.when().atZone(ZoneOffset.UTC).toLocalDate(), 1, Integer::sum));
        if (perDay.isEmpty()) {
            return;
        }
        LocalDate first = perDay.firstKey();
        LocalDate last = perDay.lastKey();
        int days = (int) Math.min(120, java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1);
        int max = perDay.values().stream().max(Integer::compare).orElse(1);
        int width = Math.max(days * 14, 140);
        html.append("<section aria-labelledby=\"time-h\"><h2 id=\"time-h\">Posts over time</h2>")
                .append("<svg class=\"timeline\" role=\"img\" aria-labelledby=\"time-desc\" viewBox=\"0 0 ").append(width)
                .append(" 90\" width=\"").append(width).append("\" height=\"90\"><title id=\"time-desc\">Posts per day from ")
                .append(first).append(" to ").append(last).append("</title>");
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            int count = perDay.getOrDefault(day, 0);
            int height = count == 0 ? 0 : Math.max(3, count * 70 / max);
            html.append("<rect x=\"").append(d * 14 + 2).append("\" y=\"").append(75 - height).append("\" width=\"10\" height=\"")
                    .append(height).append("\"><title>").append(day).append(": ").append(count).append("</title></rect>");
        }
        html.append("<text x=\"2\" y=\"88\">").append(first).append("</text>");
        if (days > 10) {
            html.append("<text x=\"").append(width - 2).append("\" y=\"88\" text-anchor=\"end\">").append(last).append("</text>");
        }
        html.append("</svg><details><summary>Posts per day as a list</summary><ul>");
        perDay.forEach((day, count) -> html.append("<li>").append(day).append(": ").append(count).append("</li>"));
        html.append("</ul></details></section>");
    }
}
