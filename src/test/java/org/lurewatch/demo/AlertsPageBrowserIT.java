package org.lurewatch.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.kafka.Json;
import org.lurewatch.testing.TestWebServer;
import org.lurewatch.web.WebServer;

/**
 * The demo's alert page in a real headless Chromium: it fetches {@code alerts.json}, renders one row per alert, and
 * shows hostile post text as text. {@code .ci/run} installs Debian's chromium; without it the test is skipped.
 */
class AlertsPageBrowserIT {
    private static final Path CHROMIUM = Path.of(System.getProperty("lurewatch.test.chromium", "/usr/bin/chromium"));
    private static final String HOSTILE = "<b id=\"pwned\">x</b><img src=x onerror=\"document.title='pwned'\">";

    @TempDir
    Path profile;

    @Test
    void shouldRenderEveryAlertAndShowHostileTextAsText() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        RecentAlerts recent = new RecentAlerts(10);
        recent.add("alerts.hotline.indonesia", Json.mapper().readTree("""
                {"specversion":"1.0","id":"a1","type":"org.lurewatch.alert.lure.v1","subject":"cmp-1",
                 "data":{"alert":"new","category":"lure","band":"critical","score":0.97,
                         "post":{"key":"facebook:fb-1001","excerpt":"Dibutuhkan CS di Kamboja, gaji 15 juta"},
                         "campaign":{"id":"cmp-1","size":3,"platforms":["facebook","tiktok"]},
                         "indicators":[{"code":"PAID_TRAVEL","label":"Employer pays travel",
                                        "local_label":"Biaya perjalanan ditanggung",
                                        "evidence":[{"start":0,"end":5,"text":"tiket ditanggung"}]}]}}"""));
        recent.add("alerts.hotline.vietnam", Json.mapper().readTree("""
                {"specversion":"1.0","id":"a2","type":"org.lurewatch.alert.distress.v1","subject":"facebook:fb-1006",
                 "data":{"category":"distress","band":"high","score":0.81,"post":{"key":"facebook:fb-1006"},
                         "indicators":[]}}"""));
        var hostile = Json.mapper().createObjectNode();
        hostile.put("type", "org.lurewatch.alert.lure.v1");
        hostile.putObject("data").put("category", "lure").put("band", "high").put("score", 0.8)
                .putObject("post").put("key", "x:evil").put("excerpt", HOSTILE);
        recent.add("alerts.partner.x", hostile);

        try (WebServer http = TestWebServer.start(new AlertsPageModule(recent))) {

            String dom = chromium("--dump-dom", http.baseUri().toString());
            Path screenshot = profile.resolve("alerts.png");
            chromium("--screenshot=" + screenshot, "--window-size=1400,600", http.baseUri().toString());

            assertThat(dom.split("<tr class=\"alert\">", -1)).as("one row per alert").hasSize(4);
            assertThat(dom).contains("alerts.hotline.indonesia", "facebook:fb-1001", "3 post(s), facebook, tiktok",
                    "Biaya perjalanan ditanggung", "tiket ditanggung", "alerts.hotline.vietnam", "distress",
                    "3 alert(s) shown");
            assertThat(dom).as("hostile post text is shown as text, never parsed as HTML")
                    .contains("&lt;b id=\"pwned\"&gt;").doesNotContain("<b id=\"pwned\">").doesNotContain("<title>pwned");
            assertThat(screenshot).isNotEmptyFile();
        }
    }

    private String chromium(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile.resolve("profile"),
                "--virtual-time-budget=5000"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
