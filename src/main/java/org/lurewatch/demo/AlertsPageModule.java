package org.lurewatch.demo;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lurewatch.web.SecurityHeaders;
import org.lurewatch.web.WebModule;
import org.lurewatch.web.WebRoutes;

/**
 * The demo's alert page at {@code /} and its data at {@code /alerts.json}. The page's inline script and style are
 * allowed by hash in its Content-Security-Policy, nothing else. The demo serves on 127.0.0.1 only; the console
 * (issue 10) replaces this page.
 */
public final class AlertsPageModule implements WebModule {
    private static final Pattern INLINE = Pattern.compile("<(script|style)>(.*?)</\\1>", Pattern.DOTALL);
    private final RecentAlerts recent;
    private final String policy;

    public AlertsPageModule(RecentAlerts recent) {
        this.recent = Objects.requireNonNull(recent, "recent");
        List<String> scripts = new java.util.ArrayList<>();
        List<String> styles = new java.util.ArrayList<>();
        Matcher m = INLINE.matcher(AlertsPage.html());
        while (m.find()) {
            (m.group(1).equals("script") ? scripts : styles).add(m.group(2));
        }
        this.policy = SecurityHeaders.htmlPolicy(scripts, styles);
    }

    @Override
    public void register(WebRoutes routes) {
        routes.get("/", ctx -> ctx.header("Content-Security-Policy", policy)
                .contentType("text/html; charset=utf-8").result(AlertsPage.html()));
        routes.get("/alerts.json", ctx -> ctx.contentType("application/json").result(recent.toJson()));
    }
}
