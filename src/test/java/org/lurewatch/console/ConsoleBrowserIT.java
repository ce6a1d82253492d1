package org.lurewatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lurewatch.access.NewPassword;
import org.lurewatch.app.LurewatchRuntime;
import org.lurewatch.app.Scorers;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.CommittedReader;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.LifecycleLog;
import org.lurewatch.ops.PipelineEvents;
import org.lurewatch.testing.KafkaBrokerExtension;
import org.lurewatch.testing.TestWebServer;
import org.lurewatch.web.WebServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console end to end in a real headless Chromium, on a real broker running every topology with the bundled model:
 * sign-in with a one-time password and the change it forces, the inbox of one hotline only with distress first, a
 * campaign, a post with evidence, hostile post text shown as text, the region's fonts, and the verdict round trip: a
 * confirmed campaign puts its contact on the watchlist and a later post that uses it scores higher. Around it, the
 * refusals: no session (login page, 401), another hotline's alert (404), no CSRF token (403), too many failed logins
 * (429), and the audit lines (ids only).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    static final String CONTACT = "hrd_kerja_uji";
    static final String STRONG_LURE = "Lowongan kerja CS online di Kamboja, gaji 15 juta, tiket dan mess ditanggung. "
            + "Hubungi Telegram @" + CONTACT;
    /** A lure the model scores lower (a shop job): the one whose score the watchlist visibly raises. */
    static final String WEAK_LURE = "Butuh karyawan toko di Surabaya, gaji UMR. Hubungi Telegram @" + CONTACT;
    static final String HOSTILE = "Tolong! Anak saya disekap di Kamboja, paspor ditahan dan tidak bisa pulang. "
            + "<script>document.title='pwned'</script><img id=\"pwned\" src=x onerror=\"document.title='pwned'\"> Mohon bantuan KBRI.";
    static final String THAI = "ช่วยด้วย ลูกสาวของฉันถูกขังอยู่ที่เมียวดี หนังสือเดินทางถูกยึด กลับบ้านไม่ได้ โปรดช่วยเราด้วย";
    static final String VIETNAMESE = "Xin hãy giúp đỡ, em trai tôi bị giam ở Campuchia, bị thu hộ chiếu, không thể về nhà.";
    static final String NEW_PASSWORD = "a sentence only ana knows";

    static Path dir;
    static LurewatchRuntime runtime;
    static WebDriver browser;
    static String base;
    static String onceForAna;
    static KafkaProducer<String, String> feed;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Chromium.available(), "no Chromium and chromedriver at " + Chromium.BROWSER + ", " + Chromium.DRIVER
                + " (apt-get install chromium chromium-driver)");
        dir = Files.createTempDirectory("console-it");
        LurewatchConfig config = ConfigLoader.load(Optional.empty(), Map.of(), Map.of("application.id", "console-it",
                "access.dir", dir.resolve("access").toString(), "alert.update.window.minutes", "0",
                "state.dir", dir.resolve("state").toString()));
        WebServer web = WebServer.bind(TestWebServer.LOOPBACK, LifecycleLog.create());
        runtime = LurewatchRuntime.start(config, KAFKA.bootstrapServers(), Scorers.fromConfig(config), PipelineEvents.NONE,
                web, List.of(ConsoleModule.factory()));
        assertThat(runtime.awaitRunning(Duration.ofSeconds(60))).as("Kafka Streams running").isTrue();
        base = web.baseUri().toString().replaceAll("/$", "");
        NewPassword ana = runtime.access().accounts().add("ana", "indonesia");
        onceForAna = new String(ana.password());
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        feed = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        post("fb-1", "facebook", "id", null, STRONG_LURE, "2026-11-20T08:00:00Z");
        post("tt-1", "tiktok", "id", null, WEAK_LURE, "2026-11-21T09:00:00Z");
        post("fb-2", "facebook", "id", null, HOSTILE, "2026-11-22T10:00:00Z");
        post("x-1", "x", "th", "ID", THAI, "2026-11-22T11:00:00Z");
        post("fb-3", "facebook", "vi", null, VIETNAMESE, "2026-11-22T12:00:00Z");
        browser = Chromium.start(dir.resolve("profile"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (feed != null) {
            feed.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    @Order(1)
    void shouldSendThePagesToSignInAndTheApiA401WithoutASession() throws Exception {
        browser.get(base + "/console/campaigns");
        assertThat(browser.getCurrentUrl()).contains("/console/login?next=%2Fconsole%2Fcampaigns");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in to the Lurewatch console");

        HttpResponse<String> api = http("GET", "/console/api/alerts", null, Map.of());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.mapper().readTree(api.body()).get("type").asText()).isEqualTo("urn:lurewatch:problem:login-required");
    }

    @Test
    @Order(2)
    void shouldPauseSignInAfterTooManyWrongPasswords() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn("mallory", "guess number " + attempt);
            assertThat(text(By.cssSelector(".notice-error"))).contains("Wrong username or password");
        }
        signIn("mallory", "guess number 6");
        assertThat(text(By.cssSelector(".notice-error"))).contains("Too many failed sign-ins");
    }

    @Test
    @Order(3)
    void shouldMakeANewAnalystChooseAPasswordThenShowOnlyTheirHotlinesAlertsDistressFirst() throws Exception {
        signIn("ana", onceForAna);
        assertThat(text(By.tagName("h1"))).isEqualTo("Choose your own password");
        assertThat(browser.getCurrentUrl()).endsWith("/console/password");
        assertThat(text(By.tagName("h1"))).isEqualTo("Choose your own password");
        browser.get(base + "/console/");
        assertThat(browser.getCurrentUrl()).as("nothing else until the password is chosen").endsWith("/console/password");
        type("current", onceForAna);
        type("new", NEW_PASSWORD);
        type("repeat", NEW_PASSWORD);
        follow(By.cssSelector("form.stack button[type=submit]"));
        assertThat(text(By.cssSelector(".notice-ok"))).contains("Your password is saved");

        List<WebElement> rows = awaitRows(3);
        assertThat(rows.get(0).getAttribute("class")).as("distress on top").contains("distress");
        assertThat(rows.get(1).getAttribute("class")).contains("distress");
        assertThat(rows).extracting(row -> row.getAttribute("data-kind")).containsOnly("distress", "lure", "update");
        String inbox = browser.findElement(By.tagName("main")).getText();
        assertThat(inbox).as("the Vietnamese hotline's distress post is not here").doesNotContain("Campuchia");
        assertThat(browser.findElements(By.cssSelector("tr.unread"))).hasSameSizeAs(rows);
        Chromium.screenshot(browser, "inbox");
    }

    @Test
    @Order(4)
    void shouldShowAPostWhoseTextIsHtmlAsText() throws Exception {
        browser.get(base + "/console/?kind=distress");
        openAlertContaining("Tolong!");
        WebElement text = browser.findElement(By.cssSelector(".post-text"));
        assertThat(text.getText()).contains("<script>document.title='pwned'</script>", "<img id=\"pwned\"");
        assertThat(browser.findElements(By.id("pwned"))).isEmpty();
        assertThat(browser.getTitle()).doesNotContain("pwned");
        assertThat(browser.findElements(By.cssSelector(".post-text mark"))).as("evidence highlighted").isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("ol.indicators")).getText())
                .as("labels in the hotline's language").contains("Meminta pertolongan");
        Chromium.screenshot(browser, "post-with-evidence");
        browser.get(base + "/console/");
        assertThat(browser.findElements(By.cssSelector("tr.unread"))).as("an opened alert is read").hasSize(awaitRows(3).size() - 1);
    }

    @Test
    @Order(5)
    void shouldBeUsableWithTheKeyboardAlone() {
        browser.get(base + "/console/");
        awaitRows(3);
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).as("the first stop skips to the content").isEqualTo("Skip to content");
        new Actions(browser).sendKeys("j").perform();
        WebElement first = browser.switchTo().activeElement();
        assertThat(first.getAttribute("href")).as("j moves to the first alert").contains("/console/alerts/");
        new Actions(browser).sendKeys("j").perform();
        assertThat(browser.switchTo().activeElement()).as("and j again to the next").isNotEqualTo(first);
        WebElement page = browser.findElement(By.tagName("html"));
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
        assertThat(browser.getCurrentUrl()).contains("/console/alerts/");
        assertThat(browser.findElements(By.cssSelector("button[value=confirmed]"))).as("a verdict is a button away").hasSize(1);
    }

    @Test
    @Order(6)
    void shouldRenderThaiWithTheNotoFontServedByTheConsole() {
        browser.get(base + "/console/?kind=distress");
        openAlertContaining("ช่วยด้วย");
        await("Noto Sans Thai loaded").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                        "return Array.from(document.fonts).some(f => f.family.indexOf('Noto Sans Thai') >= 0"
                                + " && f.status === 'loaded');")));
        assertThat(browser.findElement(By.cssSelector(".post-text")).getAttribute("lang")).isEqualTo("th");
    }

    @Test
    @Order(7)
    void shouldAnswer404ForAnotherHotlinesAlertAndRefuseAPostWithoutCsrf() throws Exception {
        String vietnam = firstAlertId("alerts.hotline.vietnam");
        browser.get(base + "/console/alerts/" + vietnam);
        assertThat(text(By.tagName("h1"))).isEqualTo("No such alert");
        assertThat(http("GET", "/console/api/alerts/" + vietnam, null, session()).statusCode()).isEqualTo(404);
        assertThat(http("GET", "/console/api/alerts", null, session()).body()).doesNotContain(vietnam);

        HttpResponse<String> form = http("POST", "/console/verdicts", "subject=post%3Afacebook%3Afb-3&verdict=confirmed",
                Map.of("Cookie", cookie(), "Content-Type", "application/x-www-form-urlencoded"));
        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(form.body()).contains("This form has expired");
        HttpResponse<String> api = http("POST", "/console/api/verdicts", "{\"subject\":\"post:facebook:fb-1\",\"verdict\":\"confirmed\"}",
                Map.of("Cookie", cookie(), "Content-Type", "application/json"));
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(Json.mapper().readTree(api.body()).get("type").asText()).isEqualTo("urn:lurewatch:problem:csrf-token-invalid");
        String csrf = Json.mapper().readTree(http("GET", "/console/api/session", null, session()).body()).get("csrf_token").asText();
        HttpResponse<String> foreign = http("POST", "/console/api/verdicts", "{\"subject\":\"post:facebook:fb-3\",\"verdict\":\"confirmed\"}",
                Map.of("Cookie", cookie(), "Content-Type", "application/json", "X-CSRF-Token", csrf));
        assertThat(foreign.statusCode()).as("a verdict on another hotline's post").isEqualTo(404);
    }

    @Test
    @Order(8)
    void shouldConfirmACampaignPutItsContactOnTheWatchlistAndRaiseALaterPostThatUsesIt() throws Exception {
        browser.get(base + "/console/?kind=lure");
        follow(By.cssSelector("table.alerts td.what a"));
        follow(By.linkText("Open the campaign"));
        String campaignUrl = browser.getCurrentUrl();
        assertThat(browser.findElement(By.cssSelector("ul.contacts")).getText()).contains(CONTACT, "not on the watchlist");
        double before = score("tiktok:tt-1");
        Chromium.screenshot(browser, "campaign");

        long clicked = System.nanoTime();
        follow(By.cssSelector("button[value=confirmed]"));
        long saved = System.nanoTime();
        assertThat(text(By.cssSelector(".notice-ok"))).isEqualTo("Verdict saved: confirmed.");
        assertThat(text(By.cssSelector(".current-verdict"))).contains("Confirmed", "by ana");
        await("the contact on the watchlist").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> http("GET", "/console/api/watchlist", null, session()).body().contains("telegram:" + CONTACT));
        long listed = System.nanoTime();

        browser.get(base + "/console/watchlist");
        assertThat(text(By.cssSelector("tr[data-contact='telegram:" + CONTACT + "']"))).contains("Confirmed", "your hotline");
        Chromium.screenshot(browser, "watchlist");

        long sent = System.nanoTime();
        post("tt-2", "tiktok", "id", null, WEAK_LURE, "2026-11-23T09:00:00Z");
        String campaignId = campaignUrl.substring(campaignUrl.lastIndexOf('/') + 1);
        await("the later post in the campaign").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> http("GET", "/console/api/campaigns/" + campaignId, null, session()).body().contains("tiktok:tt-2"));
        long shown = System.nanoTime();
        browser.get(campaignUrl);
        double after = score("tiktok:tt-2");
        assertThat(after).as("the same text, now with a confirmed contact, scores higher").isGreaterThan(before);
        assertThat(browser.findElement(By.cssSelector("ul.contacts")).getText()).contains("on the watchlist: confirmed");
        Measurements.record("verdict_round_trip", Map.of(
                "click_to_verdict_saved_and_shown_ms", millis(clicked, saved),
                "click_to_contact_on_watchlist_ms", millis(clicked, listed),
                "later_post_sent_to_shown_in_campaign_ms", millis(sent, shown),
                "score_before", before, "score_after", after));
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    @Test
    @Order(9)
    void shouldRecordViewsAndVerdictsInTheAuditLogWithIdsOnly() throws Exception {
        List<JsonNode> lines = Files.readAllLines(dir.resolve("access").resolve("audit.jsonl")).stream()
                .map(line -> {
                    try {
                        return Json.mapper().readTree(line);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();
        assertThat(lines).extracting(line -> line.get("action").asText())
                .contains("login", "password.change", "inbox.view", "alert.view", "campaign.view", "verdict.submit");
        assertThat(lines).filteredOn(line -> line.get("action").asText().equals("verdict.submit")).singleElement()
                .satisfies(line -> {
                    assertThat(line.get("actor").asText()).isEqualTo("analyst:ana");
                    assertThat(line.get("object").asText()).startsWith("campaign:cmp-");
                });
        String all = Files.readString(dir.resolve("access").resolve("audit.jsonl"));
        assertThat(all).doesNotContain("Kamboja", "script", "ช่วย", CONTACT, NEW_PASSWORD, onceForAna);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static void post(String id, String source, String lang, String country, String text, String postedAt) {
        var envelope = Json.mapper().createObjectNode().put("id", id).put("source", source).put("kind", "social_post")
                .put("lang", lang).put("text", text).put("posted_at", postedAt).put("url", "https://" + source + ".example/" + id);
        if (country != null) {
            envelope.put("country", country);
        }
        feed.send(new ProducerRecord<>(Topics.defaults().social(), id, envelope.toString()));
        feed.flush();
    }

    private static void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/console/login");
        type("username", username);
        type("password", password);
        follow(By.cssSelector("form.stack button[type=submit]"));
    }

    /** Clicks a link or button and waits until the page it leads to has replaced this one. */
    private static void follow(By by) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(by).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
    }

    private static void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** The text of an element, waiting for it: a click that submits a form returns before the next page is there. */
    private static String text(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(by)).getText();
    }

    private static List<WebElement> awaitRows(int atLeast) {
        await("at least " + atLeast + " alerts in the inbox").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    browser.navigate().refresh();
                    return browser.findElements(By.cssSelector("table.alerts tbody tr")).size() >= atLeast;
                });
        return browser.findElements(By.cssSelector("table.alerts tbody tr"));
    }

    private static void openAlertContaining(String text) {
        await("an alert with " + text).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            browser.navigate().refresh();
            return browser.findElements(By.xpath("//table[@class='alerts']//a[contains(., '" + text + "')]")).size() == 1;
        });
        follow(By.xpath("//table[@class='alerts']//a[contains(., '" + text + "')]"));
    }

    private static double score(String postKey) {
        return Double.parseDouble(browser.findElement(By.cssSelector("tr[data-post='" + postKey + "']"))
                .getAttribute("data-score"));
    }

    private static String cookie() {
        Cookie session = browser.manage().getCookieNamed("lw_session");
        return "lw_session=" + session.getValue();
    }

    private static Map<String, String> session() {
        return Map.of("Cookie", cookie());
    }

    private static String firstAlertId(String topic) throws Exception {
        try (KafkaConsumer<byte[], byte[]> reader = CommittedReader.subscribe(KAFKA.bootstrapServers(), "console-it-" + topic,
                Pattern.compile(Pattern.quote(topic)), Map.of())) {
            String[] id = new String[1];
            await("an alert on " + topic).atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    id[0] = Json.mapper().readTree(record.value()).get("id").asText();
                }
                return id[0] != null;
            });
            return id[0];
        }
    }

    private static HttpResponse<String> http(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
