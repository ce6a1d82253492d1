package org.lurewatch.console;

import java.util.ArrayList;
import java.util.List;

/**
 * The frame every console page shares (skip link, navigation, who is signed in, log out) and the pieces several
 * pages use: a post with its evidence highlighted, the verdict form and history, notices. Scripts and styles are
 * files under {@code /console/assets/}, so the pages need no inline code and keep a strict Content-Security-Policy.
 */
final class Layout {
    static final String BASE = "/console";

    private Layout() {
    }

    /** Who is looking at the page, from the session. */
    record Viewer(String username, String hotline, String hotlineName, String csrfToken, IndicatorLabels labels) {
    }

    enum Nav { INBOX, CAMPAIGNS, WATCHLIST, SEARCH, NONE }

    static String page(Viewer viewer, String title, Nav current, String body) {
        StringBuilder html = new StringBuilder(8_192);
        head(html, title);
        html.append("<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header class=\"top\">")
                .append("<a class=\"brand\" href=\"").append(BASE).append("/\">Lurewatch</a>");
        if (viewer != null) {
            html.append("<nav aria-label=\"Main\"><ul>");
            navItem(html, current == Nav.INBOX, BASE + "/", "Inbox");
            navItem(html, current == Nav.CAMPAIGNS, BASE + "/campaigns", "Campaigns");
            navItem(html, current == Nav.WATCHLIST, BASE + "/watchlist", "Watchlist");
            navItem(html, current == Nav.SEARCH, BASE + "/search", "Search");
            html.append("</ul></nav>");
            html.append("<form class=\"quick-search\" role=\"search\" method=\"get\" action=\"").append(BASE)
                    .append("/search\"><label for=\"q-top\" class=\"visually-hidden\">Search by contact</label>")
                    .append("<input id=\"q-top\" name=\"contact\" type=\"search\" placeholder=\"Phone, handle or link\" ")
                    .append("autocomplete=\"off\"><button type=\"submit\">Search</button></form>");
            html.append("<div class=\"who\"><span><span class=\"visually-hidden\">Signed in as </span>")
                    .append(Html.text(viewer.username())).append(" · ").append(Html.text(viewer.hotlineName()))
                    .append("</span><a href=\"").append(BASE).append("/password\">Password</a>")
                    .append("<form method=\"post\" action=\"").append(BASE).append("/logout\">")
                    .append(csrfField(viewer)).append("<button type=\"submit\" class=\"link\">Log out</button></form></div>");
        }
        html.append("</header>\n<main id=\"main\" tabindex=\"-1\">\n").append(body).append("\n</main>\n")
                .append("<footer><p>Lurewatch console · alerts, campaigns and verdicts of your hotline only · ")
                .append("every view and verdict is recorded in the audit log (ids only)</p></footer>\n</body>\n</html>\n");
        return html.toString();
    }

    /** A page without the signed-in frame (login, errors before login). */
    static String bare(String title, String body) {
        return page(null, title, Nav.NONE, body);
    }

    private static void head(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.text(title)).append(" · Lurewatch</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(BASE).append("/assets/fonts.css\">\n")
                .append("<link rel=\"stylesheet\" href=\"").append(BASE).append("/assets/console.css\">\n")
                .append("<script src=\"").append(BASE).append("/assets/console.js\" defer></script>\n</head>\n");
    }

    private static void navItem(StringBuilder html, boolean current, String href, String label) {
        html.append("<li><a href=\"").append(href).append('"').append(current ? " aria-current=\"page\"" : "").append('>')
                .append(label).append("</a></li>");
    }

    static String csrfField(Viewer viewer) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.attr(viewer.csrfToken()) + "\">";
    }

    static String notice(String kind, String message) {
        String role = kind.equals("error") ? "alert" : "status";
        return "<p class=\"notice notice-" + kind + "\" role=\"" + role + "\">" + Html.text(message) + "</p>";
    }

    static String alertHref(String id) {
        return BASE + "/alerts/" + Html.segment(id);
    }

    static String campaignHref(String id) {
        return BASE + "/campaigns/" + Html.segment(id);
    }

    static String postHref(String key) {
        return BASE + "/posts/" + Html.segment(key);
    }

    static String searchHref(String contact) {
        return BASE + "/search?contact=" + Html.param(contact);
    }

    static String externalLink(String url, String label) {
        if (!Html.safeExternalUrl(url)) {
            return "";
        }
        return "<a class=\"external\" href=\"" + Html.attr(url) + "\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">"
                + Html.text(label) + "<span class=\"visually-hidden\"> (opens the platform in a new tab)</span></a>";
    }

    static String recommended(String action) {
        if (action == null) {
            return "";
        }
        return switch (action) {
            case "refer_for_rescue" -> "Refer for rescue";
            case "warn_and_trace" -> "Warn the public and trace the recruiter";
            case "review_for_takedown" -> "Review for takedown";
            default -> action;
        };
    }

    /**
     * A post's text with the evidence of each indicator highlighted where it falls inside the excerpt, and the
     * indicators listed below with their labels in the hotline's language and their evidence. Everything from the
     * post is escaped; the highlight boundaries come from the alert's offsets and never split a character.
     */
    static String post(Viewer viewer, PostView post) {
        StringBuilder html = new StringBuilder();
        String lang = Labels.langAttribute(post.language());
        if (post.excerpt() == null) {
            html.append("<p class=\"muted\">The alert did not carry this post's text (hotlines get the text of a campaign's "
                    + "riskiest post and of distress posts). Open it on the platform to read it.</p>");
        } else {
            html.append("<div class=\"post-text\" lang=\"").append(lang).append("\" dir=\"auto\">")
                    .append(highlight(post.excerpt(), post.indicators())).append("</div>");
            if (post.excerpt().endsWith("…")) {
                html.append("<p class=\"muted small\">The alert carries the first 500 characters; the whole post is on the "
                        + "platform.</p>");
            }
        }
        if (!post.indicators().isEmpty()) {
            html.append("<h3>Why it was flagged</h3><ol class=\"indicators\">");
            for (IndicatorView indicator : post.indicators()) {
                indicatorItem(html, viewer, indicator, lang);
            }
            html.append("</ol>");
        }
        if (!post.counterIndicators().isEmpty()) {
            html.append("<h3>What spoke against it</h3><ul class=\"indicators counter\">");
            for (IndicatorView indicator : post.counterIndicators()) {
                indicatorItem(html, viewer, indicator, lang);
            }
            html.append("</ul>");
        }
        return html.toString();
    }

    private static void indicatorItem(StringBuilder html, Viewer viewer, IndicatorView indicator, String postLang) {
        IndicatorLabels.Label label = viewer.labels().label(viewer.hotline(), indicator);
        html.append("<li><span class=\"ind-label\" lang=\"").append(Html.attr(label.lang())).append("\">")
                .append(Html.text(label.text())).append("</span>");
        if (!label.text().equals(indicator.label())) {
            html.append(" <span class=\"ind-en\" lang=\"en\">").append(Html.text(indicator.label())).append("</span>");
        }
        if (!indicator.evidence().isEmpty()) {
            html.append("<span class=\"ev-list\"><span class=\"visually-hidden\">Evidence: </span>");
            List<String> seen = new ArrayList<>();
            for (IndicatorView.Span span : indicator.evidence()) {
                if (!seen.contains(span.text())) {
                    seen.add(span.text());
                    html.append("<q lang=\"").append(postLang).append("\">").append(Html.text(span.text())).append("</q> ");
                }
            }
            html.append("</span>");
        }
        html.append("</li>");
    }

    /** The excerpt with {@code <mark>} around every evidence span inside it, overlapping spans merged. */
    static String highlight(String excerpt, List<IndicatorView> indicators) {
        int limit = excerpt.endsWith("…") ? excerpt.length() - 1 : excerpt.length();
        List<int[]> spans = new ArrayList<>();
        List<String> spanLabels = new ArrayList<>();
        for (IndicatorView indicator : indicators) {
            for (IndicatorView.Span span : indicator.evidence()) {
                if (span.end() <= limit && span.start() < span.end() && boundary(excerpt, span.start())
                        && boundary(excerpt, span.end())) {
                    spans.add(new int[] {span.start(), span.end()});
                    spanLabels.add(indicator.label());
                }
            }
        }
        java.util.SortedSet<Integer> cuts = new java.util.TreeSet<>(List.of(0, excerpt.length()));
        for (int[] span : spans) {
            cuts.add(span[0]);
            cuts.add(span[1]);
        }
        StringBuilder html = new StringBuilder(excerpt.length() + 64);
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null) {
                String segment = excerpt.substring(previous, cut);
                List<String> covering = new ArrayList<>();
                for (int i = 0; i < spans.size(); i++) {
                    if (spans.get(i)[0] <= previous && spans.get(i)[1] >= cut && !covering.contains(spanLabels.get(i))) {
                        covering.add(spanLabels.get(i));
                    }
                }
                if (covering.isEmpty()) {
                    html.append(Html.text(segment));
                } else {
                    html.append("<mark title=\"").append(Html.attr(String.join("; ", covering))).append("\">")
                            .append(Html.text(segment)).append("</mark>");
                }
            }
            previous = cut;
        }
        return html.toString();
    }

    private static boolean boundary(String text, int index) {
        return index <= 0 || index >= text.length()
                || !(Character.isHighSurrogate(text.charAt(index - 1)) && Character.isLowSurrogate(text.charAt(index)));
    }

    /**
     * The verdicts given so far on a subject and the form for a new one. The hotline is never in the form: the server
     * takes it from the session.
     *
     * @param what       "campaign" or "post"
     * @param consequence what a confirmation does, said before the analyst presses the button
     */
    static String verdicts(Viewer viewer, String subject, String alertId, String returnTo, String what,
                           List<VerdictView> history, String consequence) {
        StringBuilder html = new StringBuilder();
        html.append("<section class=\"verdict\" aria-labelledby=\"verdict-h\"><h2 id=\"verdict-h\">Verdict</h2>");
        if (history.isEmpty()) {
            html.append("<p>No verdict from your hotline yet.</p>");
        } else {
            VerdictView latest = history.get(history.size() - 1);
            html.append("<p class=\"current-verdict\">Current verdict: <strong class=\"verdict-").append(Html.attr(latest.verdict()))
                    .append("\">").append(Html.text(latest.verdictLabel())).append("</strong>")
                    .append(latest.analyst() == null ? "" : " by " + Html.text(latest.analyst())).append(", ")
                    .append(Html.time(latest.at())).append("</p>");
            html.append("<details><summary>History (").append(history.size()).append(")</summary><ol class=\"history\">");
            for (VerdictView verdict : history) {
                html.append("<li>").append(Html.time(verdict.at())).append(" · <strong>").append(Html.text(verdict.verdictLabel()))
                        .append("</strong>").append(verdict.analyst() == null ? "" : " by " + Html.text(verdict.analyst()));
                if (verdict.note() != null) {
                    html.append("<blockquote dir=\"auto\">").append(Html.text(verdict.note())).append("</blockquote>");
                }
                html.append("</li>");
            }
            html.append("</ol></details>");
        }
        html.append("<form method=\"post\" action=\"").append(BASE).append("/verdicts\" class=\"verdict-form\">")
                .append(csrfField(viewer))
                .append("<input type=\"hidden\" name=\"subject\" value=\"").append(Html.attr(subject)).append("\">")
                .append(alertId == null ? "" : "<input type=\"hidden\" name=\"alert\" value=\"" + Html.attr(alertId) + "\">")
                .append("<input type=\"hidden\" name=\"return\" value=\"").append(Html.attr(returnTo)).append("\">")
                .append("<fieldset><legend>Your verdict on this ").append(Html.text(what)).append("</legend>")
                .append("<label for=\"note\">Note for your hotline (optional, kept with the verdict, never shared)</label>")
                .append("<textarea id=\"note\" name=\"note\" rows=\"2\" maxlength=\"2000\" dir=\"auto\"></textarea>")
                .append("<div class=\"buttons\">")
                .append("<button type=\"submit\" name=\"verdict\" value=\"confirmed\" class=\"primary\">Confirmed</button>")
                .append("<button type=\"submit\" name=\"verdict\" value=\"false_positive\">False positive</button>")
                .append("<button type=\"submit\" name=\"verdict\" value=\"expired\">Expired</button>")
                .append("</div><p class=\"hint\">").append(Html.text(consequence)).append("</p></fieldset></form></section>");
        return html.toString();
    }

    /** The error page of a console page: the status in words, what to do next, a way back. */
    static String error(Viewer viewer, int status, String title, String detail) {
        String body = "<h1>" + Html.text(title) + "</h1><p>" + Html.text(detail) + "</p>"
                + "<p><a href=\"" + BASE + "/\">Back to the inbox</a></p><p class=\"muted small\">HTTP " + status + "</p>";
        return viewer == null ? bare(title, body) : page(viewer, title, Nav.NONE, body);
    }
}
