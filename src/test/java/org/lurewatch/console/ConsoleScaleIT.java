package org.lurewatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lurewatch.access.Access;
import org.lurewatch.alert.Routes;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.app.TopicSetup;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;
import org.lurewatch.testing.KafkaBrokerExtension;
import org.lurewatch.testing.TestWebServer;
import org.lurewatch.web.WebServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Two console instances on one broker, as two {@code run} instances behind a load balancer would be, each with its
 * own read model, sharing {@code access.dir}: with 10,000 alerts for one hotline both list them all, the inbox pages
 * load fast (measured, and printed as {@code console-measure page_load}), and what an analyst does on one instance (a
 * verdict, a read mark) shows on the other (measured as {@code console-measure two_instances}).
 */
class ConsoleScaleIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    static final int ALERTS = 10_000;
    static final int CAMPAIGNS = 2_000;
    static final String PASSWORD = "ana's own long password";

    static Path dir;
    static Routes routes;
    static final List<AutoCloseable> OPEN = new ArrayList<>();
    static WebServer a;
    static WebServer b;
    static ConsoleModule moduleA;
    static ConsoleModule moduleB;
    static long catchUpMillis;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("console-scale");
        routes = RoutesLoader.loadBundled();
        TopicSetup.ensure(KAFKA.bootstrapServers(), routes, (short) 1, Map.of());
        produceAlerts();
        LurewatchConfig config = ConfigLoader.load(Optional.empty(), Map.of(), Map.of("access.dir", dir.resolve("access").toString()));
        Access access = Access.open(config.access(), routes);
        OPEN.add(access);
        access.accounts().add("ana", "indonesia");
        access.accounts().changePassword("ana", PASSWORD.toCharArray());
        long started = System.nanoTime();
        moduleA = module(config);
        moduleB = module(config);
        a = TestWebServer.start(moduleA);
        b = TestWebServer.start(moduleB);
        OPEN.add(a);
        OPEN.add(b);
        await("both read models caught up").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> moduleA.readModel().caughtUp() && moduleB.readModel().caughtUp());
        catchUpMillis = (System.nanoTime() - started) / 1_000_000;
    }

    /** Each instance opens its own identity services on the shared directory, as two processes would. */
    private static ConsoleModule module(LurewatchConfig config) {
        Access access = Access.open(config.access(), routes);
        OPEN.add(access);
        Map<String, Object> kafka = Map.of("bootstrap.servers", KAFKA.bootstrapServers());
        return new ConsoleModule(access, routes, ConsoleReadModel.start(kafka, Topics.defaults(), routes.hotlineIds(), 50_000),
                new ConsoleWriter(kafka, Topics.defaults()), new IndicatorLabels(routes, (code, lang) -> null), ConsoleAssets.load());
    }

    @AfterAll
    static void stop() throws Exception {
        Collections.reverse(OPEN);
        for (AutoCloseable closeable : OPEN) {
            closeable.close();
        }
    }

    @Test
    void shouldListTenThousandAlertsOnBothInstancesAndLoadThePagesFast() throws Exception {
        String cookieA = signIn(a);
        JsonNode first = json(get(a, "/console/api/alerts", cookieA));
        assertThat(first.get("total").asInt()).isEqualTo(ALERTS);
        assertThat(json(get(b, "/console/api/alerts", signIn(b))).get("total").asInt()).isEqualTo(ALERTS);
        assertThat(first.at("/alerts/0/kind").asText()).as("open distress first").isEqualTo("distress");

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("alerts", ALERTS);
        figures.put("campaigns", CAMPAIGNS);
        figures.put("read_model_catch_up_ms_both_instances", catchUpMillis);
        figures.putAll(timings("inbox_first_page", a, "/console/", cookieA));
        figures.putAll(timings("inbox_filtered", a, "/console/?kind=update&band=high&show=unread", cookieA));
        figures.putAll(timings("inbox_last_page", a, "/console/?page=200", cookieA));
        figures.putAll(timings("campaign_page", a, "/console/campaigns/cmp-0007", cookieA));
        figures.putAll(timings("search_by_contact", a, "/console/search?contact=%40hr_7", cookieA));
        if (Chromium.available()) {
            figures.putAll(browserLoad(a));
        }
        Measurements.record("page_load", figures);
        assertThat((long) figures.get("inbox_first_page_p50_ms")).as("a sluggish inbox").isLessThan(2_000);
    }

    @Test
    void shouldShowOnOneInstanceTheVerdictsAndReadMarksGivenOnTheOther() throws Exception {
        String cookieA = signIn(a);
        String cookieB = signIn(b);
        String csrfA = json(get(a, "/console/api/session", cookieA)).get("csrf_token").asText();
        String alertId = json(get(a, "/console/api/alerts?kind=lure", cookieA)).at("/alerts/0/id").asText();
        String campaignId = json(get(a, "/console/api/alerts/" + alertId, cookieA)).get("campaign_id").asText();

        long sent = System.nanoTime();
        HttpResponse<String> verdict = send(a, "POST", "/console/api/verdicts",
                "{\"subject\":\"campaign:" + campaignId + "\",\"verdict\":\"confirmed\",\"note\":\"seen twice\"}",
                Map.of("Cookie", cookieA, "Content-Type", "application/json", "X-CSRF-Token", csrfA));
        long savedOnA = System.nanoTime();
        assertThat(verdict.statusCode()).isEqualTo(201);
        await("the verdict on instance B").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> get(b, "/console/api/campaigns/" + campaignId, cookieB).contains("\"verdict\":\"confirmed\""));
        long seenOnB = System.nanoTime();

        assertThat(get(a, "/console/alerts/" + alertId, cookieA)).contains("Current verdict");
        long opened = System.nanoTime();
        await("the read mark on instance B").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> json(get(b, "/console/api/alerts?kind=lure&show=unread", cookieB)).get("total").asInt()
                        == json(get(a, "/console/api/alerts?kind=lure&show=unread", cookieA)).get("total").asInt());
        long readOnB = System.nanoTime();

        Measurements.record("two_instances", Map.of("verdict_saved_on_a_ms", (savedOnA - sent) / 1_000_000,
                "verdict_visible_on_b_ms", (seenOnB - sent) / 1_000_000,
                "read_mark_visible_on_b_ms", (readOnB - opened) / 1_000_000));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** 10,000 alerts: 2,000 campaigns of a first alert and four updates growing to 20 posts, 5% of them distress. */
    private static void produceAlerts() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        String topic = Topics.defaults().hotlineAlerts("indonesia");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            int sent = 0;
            int distress = 0;
            for (int round = 0; sent < ALERTS; round++) {
                for (int c = 0; c < CAMPAIGNS && sent < ALERTS; c++) {
                    ObjectNode event;
                    if (sent % 20 == 0) {
                        event = ConsoleFixtures.distress("d-" + distress, "facebook:d" + distress,
                                "Tolong, anak saya disekap di Kamboja nomor " + distress, ConsoleFixtures.T0.plusSeconds(sent));
                        distress++;
                    } else {
                        String id = String.format("cmp-%04d", c);
                        event = ConsoleFixtures.campaign(id + "-r" + (round + 1), id, round + 1, Math.min(20, 1 + round * 5),
                                "hr_" + c, round % 2 == 0 ? "high" : "critical", ConsoleFixtures.T0.plusSeconds(sent));
                    }
                    producer.send(new ProducerRecord<>(topic, event.get("id").asText(), event.toString()));
                    sent++;
                }
            }
        }
    }

    private static Map<String, Object> timings(String name, WebServer server, String path, String cookie) throws Exception {
        for (int warm = 0; warm < 5; warm++) {
            get(server, path, cookie);
        }
        List<Long> micros = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            bytes = get(server, path, cookie).length();
            micros.add((System.nanoTime() - start) / 1_000);
        }
        Collections.sort(micros);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put(name + "_p50_ms", micros.get(micros.size() / 2) / 1_000);
        figures.put(name + "_p95_ms", micros.get((int) (micros.size() * 0.95)) / 1_000);
        figures.put(name + "_bytes", bytes);
        return figures;
    }

    /** The inbox in Chromium: from navigation start to the load event (HTML, styles, script and fonts). */
    private static Map<String, Object> browserLoad(WebServer server) throws Exception {
        WebDriver browser = Chromium.start(dir.resolve("profile"));
        try {
            String base = server.baseUri().toString().replaceAll("/$", "");
            browser.get(base + "/console/login");
            browser.findElement(By.id("username")).sendKeys("ana");
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.cssSelector("form.stack button[type=submit]")).submit();
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().endsWith("/console/"));
            List<Long> loads = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                browser.get(base + "/console/");
                Object load = ((JavascriptExecutor) browser).executeScript(
                        "const n = performance.getEntriesByType('navigation')[0]; return Math.round(n.loadEventEnd - n.startTime);");
                loads.add(((Number) load).longValue());
            }
            Collections.sort(loads);
            assertThat(browser.findElements(By.cssSelector("table.alerts tbody tr"))).hasSize(InboxQuery.PAGE_SIZE);
            return Map.of("inbox_in_chromium_load_event_median_ms", loads.get(loads.size() / 2));
        } finally {
            browser.quit();
        }
    }

    private static String signIn(WebServer server) throws Exception {
        HttpResponse<String> response = send(server, "POST", "/console/login",
                "username=ana&password=" + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&next=%2Fconsole%2F",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(response.statusCode()).isEqualTo(303);
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static String get(WebServer server, String path, String cookie) throws Exception {
        HttpResponse<String> response = send(server, "GET", path, null, Map.of("Cookie", cookie));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static JsonNode json(String body) throws Exception {
        return Json.mapper().readTree(body);
    }

    private static HttpResponse<String> send(WebServer server, String method, String path, String body,
                                             Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri().toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(30)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
