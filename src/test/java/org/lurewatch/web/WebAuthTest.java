package org.lurewatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.access.Access;
import org.lurewatch.access.IssuedKey;
import org.lurewatch.access.LoginResult;
import org.lurewatch.access.PasswordHasher;
import org.lurewatch.access.Session;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.kafka.Json;
import org.lurewatch.testing.TestWebServer;

/**
 * The authentication building blocks in a module on the real server, over real HTTP: API keys for a partner API,
 * session cookies, CSRF and the login limit for a console. This is the shape issues 10 and 12 build on.
 */
class WebAuthTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Access access;
    private WebServer server;

    /** A module as the partner API and the console will write them. */
    private WebModule module() {
        return routes -> routes
                .before("/v1/*", ctx -> WebAuth.requireApiKey(ctx, access.apiKeys(), access.audit()))
                .get("/v1/whoami", ctx -> ctx.result(WebAuth.principal(ctx).orElseThrow().name()))
                .post("/console/login", ctx -> {
                    LoginResult result = access.logins().login(ctx.formParam("username"),
                            String.valueOf(ctx.formParam("password")).toCharArray(), WebAuth.clientAddress(ctx));
                    switch (result.status()) {
                        case OK -> {
                            Session session = result.session().orElseThrow();
                            WebAuth.startSession(ctx, session, routes.settings());
                            ctx.result(session.csrfToken());
                        }
                        case THROTTLED -> throw ProblemException.tooManyRequests("too many failed logins", result.retryAfter());
                        case REJECTED -> throw new ProblemException(Problem.typed("login-failed", "Login failed", 401,
                                "wrong username or password"), Map.of("WWW-Authenticate", "Cookie realm=\"lurewatch\""));
                    }
                })
                .before("/console/app/*", ctx -> {
                    Session session = WebAuth.requireSession(ctx, access.sessions());
                    if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
                        WebAuth.requireCsrf(ctx, session);
                    }
                })
                .get("/console/app/me", ctx -> ctx.result(WebAuth.session(ctx).orElseThrow().hotline()))
                .post("/console/app/verdict", ctx -> ctx.status(204));
    }

    @BeforeEach
    void start() {
        var config = ConfigLoader.load(java.util.Optional.empty(), Map.of(), Map.of("access.dir", dir.toString(),
                "access.login.max.failures.per.user", "3"));
        access = Access.open(config.access(), RoutesLoader.loadBundled(), new PasswordHasher(new PasswordHasher.Cost(64, 1, 1)),
                java.time.Clock.systemUTC());
        server = TestWebServer.start(module());
    }

    @AfterEach
    void stop() {
        server.close();
        access.close();
    }

    @Test
    void shouldAskForAnApiKeyWithAProblemAndWwwAuthenticate() throws Exception {
        HttpResponse<String> response = send(get("/v1/whoami"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"lurewatch\"");
        assertThat(problem(response).path("type").asText()).isEqualTo("urn:lurewatch:problem:api-key-required");
    }

    @Test
    void shouldTakeThePartnerFromTheKeyAndRefuseRevokedOrForgedKeys() throws Exception {
        IssuedKey tiktok = access.apiKeys().create("tiktok");
        IssuedKey line = access.apiKeys().create("line");

        assertThat(send(get("/v1/whoami").header("Authorization", "Bearer " + tiktok.secret())).body()).isEqualTo("partner:tiktok");
        assertThat(send(get("/v1/whoami").header("Authorization", "bearer " + line.secret())).body()).isEqualTo("partner:line");
        String forged = tiktok.secret().substring(0, 15) + line.secret().substring(15);
        HttpResponse<String> refused = send(get("/v1/whoami").header("Authorization", "Bearer " + forged));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(problem(refused).path("type").asText()).isEqualTo("urn:lurewatch:problem:api-key-invalid");
        access.apiKeys().revoke(tiktok.key().keyId());
        assertThat(send(get("/v1/whoami").header("Authorization", "Bearer " + tiktok.secret())).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldStartASessionWithAStrictHttpOnlyCookieAndRequireCsrfOnPost() throws Exception {
        char[] password = access.accounts().add("ana", "philippines").password();

        HttpResponse<String> login = send(form("/console/login", "username", "ana", "password", new String(password)));
        assertThat(login.statusCode()).isEqualTo(200);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(WebAuth.SESSION_COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/").doesNotContain("Secure").doesNotContain("Max-Age");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = login.body();

        assertThat(send(get("/console/app/me").header("Cookie", cookie)).body()).isEqualTo("philippines");
        HttpResponse<String> noToken = send(post("/console/app/verdict").header("Cookie", cookie));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(problem(noToken).path("type").asText()).isEqualTo("urn:lurewatch:problem:csrf-token-invalid");
        assertThat(send(post("/console/app/verdict").header("Cookie", cookie).header(WebAuth.CSRF_HEADER, "x" + csrf))
                .statusCode()).isEqualTo(403);
        assertThat(send(post("/console/app/verdict").header("Cookie", cookie).header(WebAuth.CSRF_HEADER, csrf))
                .statusCode()).isEqualTo(204);
    }

    @Test
    void shouldAnswer401WithoutASessionAndAfterTheAccountIsDisabled() throws Exception {
        char[] password = access.accounts().add("ana", "philippines").password();
        HttpResponse<String> login = send(form("/console/login", "username", "ana", "password", new String(password)));
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        HttpResponse<String> anonymous = send(get("/console/app/me"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(problem(anonymous).path("type").asText()).isEqualTo("urn:lurewatch:problem:login-required");

        access.accounts().disable("ana");
        assertThat(send(get("/console/app/me").header("Cookie", cookie)).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswer429WithRetryAfterOnceTheLoginLimitIsReached() throws Exception {
        access.accounts().add("ana", "philippines");
        for (int i = 0; i < 3; i++) {
            assertThat(send(form("/console/login", "username", "ana", "password", "guess-" + i)).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> limited = send(form("/console/login", "username", "ana", "password", "guess-4"));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(problem(limited).path("type").asText()).isEqualTo("urn:lurewatch:problem:rate-limited");
    }

    @Test
    void shouldFailClosedWith503WhenTheCredentialFileIsDamaged() throws Exception {
        IssuedKey key = access.apiKeys().create("tiktok");
        java.nio.file.Files.writeString(access.apiKeys().path(), "{\"format\": \"lurewatch-api-keys\", \"version\": 1, \"keys\": [");

        HttpResponse<String> response = send(get("/v1/whoami").header("Authorization", "Bearer " + key.secret()));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(problem(response).path("type").asText()).isEqualTo("urn:lurewatch:problem:credentials-unavailable");
        assertThat(response.body()).doesNotContain(access.apiKeys().path().toString());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
    }

    private HttpRequest.Builder form(String path, String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(Problem.CONTENT_TYPE));
        return Json.mapper().readTree(response.body());
    }

    private URI uri(String path) {
        return server.baseUri().resolve(path);
    }
}
