package org.lurewatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lurewatch.console.ConsoleFixtures.T0;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.access.Access;
import org.lurewatch.alert.Routes;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.Json;
import org.lurewatch.testing.TestWebServer;
import org.lurewatch.web.WebServer;

/**
 * The console on the real HTTP server with a read model fed by hand and no broker behind the writer: what it answers
 * before and after sign-in, its assets, and what an analyst sees when Kafka does not take a verdict.
 */
class ConsoleModuleTest {
    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path dir;

    private Access access;
    private ConsoleReadModel model;
    private WebServer server;

    @BeforeEach
    void start() {
        Routes routes = RoutesLoader.loadBundled();
        LurewatchConfig config = ConfigLoader.load(Optional.empty(), Map.of(), Map.of("access.dir", dir.resolve("access").toString()));
        access = Access.open(config.access(), routes);
        access.accounts().add("ana", "indonesia");
        access.accounts().changePassword("ana", PASSWORD.toCharArray());
        model = ConsoleFixtures.model();
        model.apply(ConsoleFixtures.alert("indonesia", ConsoleFixtures.campaign("c1", "cmp-1", 1, 2, "hr_a", "high", T0)));
        // Nobody listens on port 1: the writer cannot reach Kafka, and says so within half a second.
        ConsoleWriter writer = new ConsoleWriter(Map.of("bootstrap.servers", "127.0.0.1:1", "max.block.ms", 500,
                "delivery.timeout.ms", 1_000, "request.timeout.ms", 500), ConsoleFixtures.TOPICS);
        server = TestWebServer.start(new ConsoleModule(access, routes, model, writer,
                new IndicatorLabels(routes, (code, lang) -> null), ConsoleAssets.load()));
    }

    @AfterEach
    void stop() {
        server.close();
        access.close();
    }

    @Test
    void shouldSendEveryConsolePathWithoutASessionToSignIn() throws Exception {
        for (String path : new String[] {"/", "/console", "/console/", "/console/alerts/c1", "/console/no-such-page"}) {
            HttpResponse<String> response = send("GET", path, null, Map.of());
            assertThat(response.statusCode()).as(path).isEqualTo(303);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).startsWith("/console/");
        }
        assertThat(send("GET", "/console/alerts/c1", null, Map.of()).headers().firstValue("Location"))
                .hasValue("/console/login?next=%2Fconsole%2Falerts%2Fc1");
    }

    @Test
    void shouldServeTheAssetsAndFontsWithoutASession() throws Exception {
        HttpResponse<String> css = send("GET", "/console/assets/console.css", null, Map.of());
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        HttpResponse<String> fonts = send("GET", "/console/assets/fonts.css", null, Map.of());
        assertThat(fonts.body()).contains("font-family: 'Noto Sans Thai'", "url(/console/assets/fonts/noto-sans-thai/")
                .doesNotContain("./files/", "format('woff')");
        String firstFont = fonts.body().replaceAll("(?s).*?url\\((/console/assets/fonts/noto-sans-khmer/[^)]+)\\).*", "$1");
        HttpResponse<String> woff2 = send("GET", firstFont, null, Map.of());
        assertThat(woff2.statusCode()).isEqualTo(200);
        assertThat(woff2.headers().firstValue("Content-Type")).hasValue("font/woff2");
        assertThat(send("GET", "/console/assets/..%2Faccess.json", null, Map.of()).statusCode()).isIn(400, 404);
        assertThat(send("GET", "/console/assets/fonts/noto-sans-thai/400.css", null, Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseACrossSitePostEvenWithAValidSession() throws Exception {
        String cookie = signIn();
        HttpResponse<String> response = send("POST", "/console/logout", "", Map.of("Cookie", cookie,
                "Sec-Fetch-Site", "cross-site", "Content-Type", "application/x-www-form-urlencoded"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Json.mapper().readTree(response.body()).get("type").asText()).isEqualTo("urn:lurewatch:problem:cross-origin-refused");
    }

    @Test
    void shouldSayAVerdictWasNotSavedWhenKafkaDoesNotTakeIt() throws Exception {
        String cookie = signIn();
        String csrf = Json.mapper().readTree(send("GET", "/console/api/session", null, Map.of("Cookie", cookie)).body())
                .get("csrf_token").asText();
        HttpResponse<String> form = send("POST", "/console/verdicts", "csrf=" + csrf + "&subject=campaign%3Acmp-1&verdict=confirmed"
                + "&return=%2Fconsole%2Fcampaigns%2Fcmp-1", Map.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"));
        assertThat(form.statusCode()).isEqualTo(503);
        assertThat(form.body()).contains("The verdict was not saved", "Nothing was recorded");
        assertThat(model.verdicts("indonesia", "campaign:cmp-1")).isEmpty();
    }

    @Test
    void shouldExportACampaignAsACaseFileAndRecordIt() throws Exception {
        String cookie = signIn();
        HttpResponse<String> csv = send("GET", "/console/campaigns/cmp-1/export.csv", null, Map.of("Cookie", cookie));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"lurewatch-cmp-1.csv\"");
        assertThat(csv.body().split("\r\n")).hasSize(3).startsWith("campaign_id,post_key,platform,url,posted_at,seen_at,language,score,band");
        var json = Json.mapper().readTree(send("GET", "/console/campaigns/cmp-1/export.json", null, Map.of("Cookie", cookie)).body());
        assertThat(json.get("format").asText()).isEqualTo("lurewatch-case");
        assertThat(json.get("exported_by").asText()).isEqualTo("ana");
        assertThat(json.at("/contacts/0/value").asText()).isEqualTo("hr_a");
        assertThat(json.get("posts")).hasSize(2);
        assertThat(send("GET", "/console/campaigns/cmp-other/export.csv", null, Map.of("Cookie", cookie)).statusCode()).isEqualTo(404);
        assertThat(java.nio.file.Files.readString(dir.resolve("access").resolve("audit.jsonl")))
                .contains("\"action\":\"case.export\",\"object\":\"campaign:cmp-1\"");
    }

    @Test
    void shouldSignOutAndEndTheSession() throws Exception {
        String cookie = signIn();
        String csrf = Json.mapper().readTree(send("GET", "/console/api/session", null, Map.of("Cookie", cookie)).body())
                .get("csrf_token").asText();
        HttpResponse<String> out = send("POST", "/console/logout", "csrf=" + csrf,
                Map.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"));
        assertThat(out.headers().firstValue("Location")).hasValue("/console/login?signed_out=1");
        assertThat(send("GET", "/console/api/alerts", null, Map.of("Cookie", cookie)).statusCode()).isEqualTo(401);
    }

    private String signIn() throws Exception {
        HttpResponse<String> response = send("POST", "/console/login", "username=ana&password="
                + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8), Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(response.statusCode()).isEqualTo(303);
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri().toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(20)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
