package org.lurewatch.console;

import java.util.List;
import java.util.Map;

/** The pages that list things: campaigns, search results, the watchlist. */
final class ListPages {
    private ListPages() {
    }

    static String campaigns(Layout.Viewer viewer, List<CampaignView> campaigns, Map<String, VerdictView> verdicts) {
        StringBuilder html = new StringBuilder(8_192);
        html.append("<h1>Campaigns</h1>");
        if (campaigns.isEmpty()) {
            html.append("<div class=\"empty\" role=\"status\"><p><strong>No campaigns yet.</strong></p><p>A campaign appears here "
                    + "when lure posts that share a recruiter contact or near-identical text first reach your hotline's band.</p></div>");
            return Layout.page(viewer, "Campaigns", Layout.Nav.CAMPAIGNS, html.toString());
        }
        html.append("<table><caption>").append(campaigns.size()).append(campaigns.size() == 1 ? " campaign" : " campaigns")
                .append(" of your hotline, most recently active first</caption><thead><tr><th scope=\"col\">Campaign</th>")
                .append("<th scope=\"col\">Band</th><th scope=\"col\">Posts</th><th scope=\"col\">Platforms</th>")
                .append("<th scope=\"col\">Languages</th><th scope=\"col\">Last seen</th><th scope=\"col\">Verdict</th></tr></thead><tbody>");
        for (CampaignView campaign : campaigns) {
            VerdictView verdict = verdicts.get(campaign.id());
            html.append("<tr><td><a href=\"").append(Layout.campaignHref(campaign.id())).append("\">")
                    .append(Html.text(campaign.id())).append("</a></td><td>").append(Html.band(campaign.band())).append("</td><td>")
                    .append(campaign.size()).append("</td><td>")
                    .append(Html.text(String.join(", ", campaign.platforms().stream().map(Labels::platform).toList())))
                    .append("</td><td>").append(Html.text(String.join(", ", campaign.languages().stream().map(Labels::language).toList())))
                    .append("</td><td>").append(Html.time(campaign.lastSeen())).append("</td><td>")
                    .append(verdict == null ? "<span class=\"muted\">none</span>" : Html.text(verdict.verdictLabel()))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>");
        return Layout.page(viewer, "Campaigns", Layout.Nav.CAMPAIGNS, html.toString());
    }

    static String search(Layout.Viewer viewer, String query, ConsoleReadModel.SearchResult result, String error) {
        StringBuilder html = new StringBuilder(8_192);
        html.append("<h1>Search by contact</h1>")
                .append("<form class=\"search\" method=\"get\" action=\"").append(Layout.BASE).append("/search\" role=\"search\">")
                .append("<label for=\"q\">Phone number, handle or link</label>")
                .append("<input id=\"q\" name=\"contact\" type=\"search\" dir=\"ltr\" autocomplete=\"off\" value=\"")
                .append(Html.attr(query == null ? "" : query)).append("\" aria-describedby=\"q-hint\">")
                .append("<button type=\"submit\" class=\"primary\">Search</button>")
                .append("<p id=\"q-hint\" class=\"hint\">Handles match with or without @; phone numbers match in any format on "
                        + "their last nine digits. Only your hotline's alerts are searched.</p></form>");
        if (error != null) {
            html.append(Layout.notice("error", error));
        }
        if (result != null) {
            html.append("<section aria-labelledby=\"res-c\"><h2 id=\"res-c\">Campaigns that use it (")
                    .append(result.campaigns().size()).append(")</h2>");
            if (result.campaigns().isEmpty()) {
                html.append("<p class=\"muted\">No campaign of your hotline lists this contact.</p>");
            } else {
                html.append("<ul class=\"results\">");
                for (CampaignView campaign : result.campaigns()) {
                    html.append("<li><a href=\"").append(Layout.campaignHref(campaign.id())).append("\">")
                            .append(Html.text(campaign.id())).append("</a> ").append(Html.band(campaign.band())).append(" · ")
                            .append(campaign.size()).append(" posts on ")
                            .append(Html.text(String.join(", ", campaign.platforms().stream().map(Labels::platform).toList())))
                            .append(" · last seen ").append(Html.time(campaign.lastSeen())).append("</li>");
                }
                html.append("</ul>");
            }
            html.append("</section><section aria-labelledby=\"res-p\"><h2 id=\"res-p\">Posts whose text contains it (")
                    .append(result.posts().size()).append(")</h2>");
            if (result.posts().isEmpty()) {
                html.append("<p class=\"muted\">No post text in your hotline's alerts contains it.</p>");
            } else {
                html.append("<ul class=\"results\">");
                for (PostView post : result.posts()) {
                    String text = post.excerpt().replaceAll("\\s+", " ");
                    html.append("<li><a href=\"").append(Layout.postHref(post.key())).append("\">").append(Html.text(post.key()))
                            .append("</a> ").append(Html.band(post.band())).append(" <span lang=\"")
                            .append(Labels.langAttribute(post.language())).append("\" dir=\"auto\" class=\"snippet\">")
                            .append(Html.text(text.length() > 200 ? text.substring(0, 200) + "…" : text)).append("</span></li>");
                }
                html.append("</ul>");
            }
            html.append("</section>");
        }
        return Layout.page(viewer, "Search", Layout.Nav.SEARCH, html.toString());
    }

    static String watchlist(Layout.Viewer viewer, List<ConsoleReadModel.WatchlistRow> rows, List<VerdictView> recent) {
        StringBuilder html = new StringBuilder(8_192);
        html.append("<h1>Watchlist</h1><p>Recruiter contacts judged by a hotline. A later post that uses a <strong>confirmed</strong> "
                + "contact scores higher (indicator “contact confirmed”); a <strong>false positive</strong> lowers it. Only "
                + "contacts of judged lure posts and campaigns are listed, never a contact from a distress post.</p>");
        List<ConsoleReadModel.WatchlistRow> listed = rows.stream().filter(r -> r.current() != null).toList();
        if (listed.isEmpty()) {
            html.append("<div class=\"empty\" role=\"status\"><p><strong>The watchlist is empty.</strong></p><p>Confirm a campaign "
                    + "from its page or an alert, and its recruiter contacts appear here within seconds.</p></div>");
        } else {
            html.append("<table class=\"watchlist\"><caption>").append(listed.size()).append(listed.size() == 1 ? " contact" : " contacts")
                    .append(" on the watchlist</caption><thead><tr><th scope=\"col\">Type</th><th scope=\"col\">Contact</th>")
                    .append("<th scope=\"col\">Status</th><th scope=\"col\">By</th><th scope=\"col\">Since</th>")
                    .append("<th scope=\"col\">History</th></tr></thead><tbody>");
            for (ConsoleReadModel.WatchlistRow row : listed) {
                WatchView current = row.current();
                html.append("<tr data-contact=\"").append(Html.attr(row.contact())).append("\"><td>")
                        .append(Html.text(Labels.contactType(current.type()))).append("</td><td><a dir=\"ltr\" href=\"")
                        .append(Layout.searchHref(current.value())).append("\">").append(Html.text(current.value()))
                        .append("</a></td><td><span class=\"verdict-").append(Html.attr(current.verdict())).append("\">")
                        .append(Html.text(Labels.verdict(current.verdict()))).append("</span></td><td>")
                        .append(by(viewer, current.hotline())).append("</td><td>").append(Html.time(current.at())).append("</td><td>");
                if (row.history().size() > 1) {
                    html.append("<details><summary>").append(row.history().size()).append(" changes</summary><ol>");
                    for (WatchView change : row.history()) {
                        html.append("<li>").append(Html.time(change.at())).append(": ").append(Html.text(Labels.verdict(change.verdict())))
                                .append(" (").append(by(viewer, change.hotline())).append(")</li>");
                    }
                    html.append("</ol></details>");
                } else {
                    html.append("<span class=\"muted small\">first verdict</span>");
                }
                html.append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("<section aria-labelledby=\"recent-h\"><h2 id=\"recent-h\">Your hotline's recent verdicts</h2>");
        if (recent.isEmpty()) {
            html.append("<p class=\"muted\">Your hotline has given no verdict yet.</p>");
        } else {
            html.append("<table><caption>").append(recent.size() == 1 ? "The only verdict" : "The latest "
                    + recent.size() + " verdicts").append(" of your hotline, newest first</caption><thead><tr><th scope=\"col\">Given</th>")
                    .append("<th scope=\"col\">Verdict</th><th scope=\"col\">On</th><th scope=\"col\">By</th><th scope=\"col\">Note</th>")
                    .append("</tr></thead><tbody>");
            for (VerdictView verdict : recent) {
                String subject = verdict.subject();
                String href = subject.startsWith("campaign:") ? Layout.campaignHref(subject.substring(9))
                        : Layout.postHref(subject.substring(subject.indexOf(':') + 1));
                html.append("<tr><td>").append(Html.time(verdict.at())).append("</td><td>").append(Html.text(verdict.verdictLabel()))
                        .append("</td><td><a href=\"").append(href).append("\">").append(Html.text(subject)).append("</a></td><td>")
                        .append(Html.text(verdict.analyst() == null ? "(hotline system)" : verdict.analyst())).append("</td><td dir=\"auto\">")
                        .append(Html.text(verdict.note() == null ? "" : verdict.note())).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("</section>");
        return Layout.page(viewer, "Watchlist", Layout.Nav.WATCHLIST, html.toString());
    }

    private static String by(Layout.Viewer viewer, String hotline) {
        if (hotline == null) {
            return "<span class=\"muted\">unknown</span>";
        }
        return hotline.equals(viewer.hotline()) ? "your hotline" : "another hotline";
    }
}
