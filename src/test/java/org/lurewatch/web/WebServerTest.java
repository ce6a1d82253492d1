package org.lurewatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lurewatch.kafka.Json;
import org.lurewatch.ops.LifecycleLog;
import org.lurewatch.ops.LurewatchMetrics;
import org.lurewatch.ops.Readiness;
import org.lurewatch.ops.RecordingLogger;
import org.lurewatch.testing.TestWebServer;

/** The real server over real HTTP: the ops endpoints as they were, problem details for every error, headers, limits. */
class WebServerTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LurewatchMetrics metrics = LurewatchMetrics.create();
    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.RUNNING);
    private final RecordingLogger lifecycleLogger = new RecordingLogger();
    private final WebServer server = start();

    private WebServer start() {
        WebServer web = WebServer.bind(new WebSettings("127.0.0.1", 0, false, 4096, false), new LifecycleLog(lifecycleLogger));
        web.start(java.util.List.of(new OpsModule(metrics, Readiness.of(state::get, () -> true)), routes -> routes
                .get("/boom", ctx -> {
                    throw new IllegalStateException("secret internals");
                })
                .post("/echo", ctx -> ctx.result(ctx.body()))
                .get("/teapot", ctx -> ctx.status(418))
                .get("/limited", ctx -> {
                    throw ProblemException.tooManyRequests("slow down", Duration.ofMillis(2500));
                })));
        return web;
    }

    @AfterEach
    void close() {
        server.close();
        metrics.close();
    }

    @Test
    void shouldPickAFreePortAndLogItsUrl() {
        assertThat(server.port()).isPositive();
        assertThat(lifecycleLogger.lines()).singleElement().extracting(RecordingLogger.Line::message)
                .isEqualTo("event=http_serving url=http://127.0.0.1:" + server.port()
                        + "/ metrics=http://127.0.0.1:" + server.port() + "/metrics");
    }

    @Test
    void shouldServePrometheusText() throws Exception {
        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(OpsModule.PROMETHEUS_TEXT);
        assertThat(response.body()).contains("# TYPE lurewatch_deadletters_total counter");
    }

    @Test
    void shouldAnswerLivenessWhileServing() throws Exception {
        state.set(KafkaStreams.State.ERROR);

        HttpResponse<String> response = get("/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"alive\"}");
    }

    @Test
    void shouldBeReadyWhenStreamsRunsAndTheModelIsLoaded() throws Exception {
        HttpResponse<String> response = get("/readyz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"ready\":true");
    }

    @Test
    void shouldAnswer503WithTheReasonWhenNotReady() throws Exception {
        state.set(KafkaStreams.State.REBALANCING);

        HttpResponse<String> response = get("/readyz");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).contains("\"ready\":false").contains("state is REBALANCING, ready only when RUNNING");
    }

    @Test
    void shouldAnswerHeadWithoutABody() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/readyz"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void shouldAnswer404AsProblemDetails() throws Exception {
        HttpResponse<String> response = get("/metrics/extra");

        assertProblem(response, 404, "about:blank", "Not Found");
        assertProblem(get("/"), 404, "about:blank", "Not Found");
    }

    @Test
    void shouldAnswer405WithAllowAsProblemDetails() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x")));

        assertProblem(response, 405, "about:blank", "Method Not Allowed");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow ->
                assertThat(allow.split(",\\s*")).containsExactlyInAnyOrder("GET", "HEAD"));
    }

    @Test
    void shouldAnswer413BeforeReadingAnOversizedBody() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(5000))));

        JsonNode problem = assertProblem(response, 413, "urn:lurewatch:problem:body-too-large", "Request body too large");
        assertThat(problem.path("detail").asText()).contains("5000 bytes").contains("4096");
    }

    @Test
    void shouldAnswer413ForAnOversizedChunkedBodyToo() throws Exception {
        // No Content-Length: the limit applies while the body is read.
        String response = raw("POST /echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(5000) + "\r\n" + "y".repeat(5000) + "\r\n0\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 413").contains("Content-Type: application/problem+json");
    }

    @Test
    void shouldAcceptABodyWithinTheLimit() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("hello")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello");
    }

    @Test
    void shouldAnswer429WithRetryAfter() throws Exception {
        HttpResponse<String> response = get("/limited");

        JsonNode problem = assertProblem(response, 429, "urn:lurewatch:problem:rate-limited", "Too many requests");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(problem.path("retry_after_seconds").asInt()).isEqualTo(3);
    }

    @Test
    void shouldHideTheCauseOfA500BehindAnErrorId() throws Exception {
        HttpResponse<String> response = get("/boom");

        JsonNode problem = assertProblem(response, 500, "about:blank", "Internal Server Error");
        assertThat(response.body()).doesNotContain("secret internals").doesNotContain("IllegalStateException");
        assertThat(problem.path("instance").asText()).startsWith("urn:uuid:");
        assertThat(problem.path("detail").asText()).contains(problem.path("instance").asText().substring(9));
    }

    @Test
    void shouldTurnAnErrorStatusWithoutBodyIntoProblemDetails() throws Exception {
        assertProblem(get("/teapot"), 418, "about:blank", "I'm a Teapot");
    }

    @Test
    void shouldAnswerJettyLevelErrorsAsProblemDetailsToo() throws Exception {
        String response = raw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 431").contains("application/problem+json").doesNotContain("Jetty");
    }

    @Test
    void shouldSendSecurityHeadersOnEveryResponse() throws Exception {
        for (HttpResponse<String> response : java.util.List.of(get("/healthz"), get("/nope"), get("/boom"))) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.STRICT_POLICY);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.headers().firstValue("Server")).isEmpty();
        }
    }

    @Test
    void shouldSayWhichPortIsTakenWhenItCannotBind() {
        WebSettings taken = new WebSettings("127.0.0.1", server.port(), false, 1024, false);

        assertThatThrownBy(() -> WebServer.bind(taken, new LifecycleLog(new RecordingLogger())))
                .isInstanceOf(WebBindException.class)
                .hasMessage("cannot listen on 127.0.0.1:" + server.port() + ": the port is in use by another program; "
                        + "choose another port with --http-port (0 picks a free one) or another address with --set http.host=...");
    }

    @Test
    void shouldTakeAFreePortWhenAllowedAndTheAskedOneIsTaken() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             WebServer fallback = TestWebServer.start(new WebSettings("127.0.0.1", busy.getLocalPort(), true, 1024, false),
                     new OpsModule(metrics, Readiness.of(state::get, () -> true)))) {
            assertThat(fallback.fellBack()).isTrue();
            assertThat(fallback.requestedPort()).isEqualTo(busy.getLocalPort());
            assertThat(fallback.port()).isNotEqualTo(busy.getLocalPort());
            assertThat(http.send(HttpRequest.newBuilder(fallback.baseUri().resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldHoldThePortFromBindUntilStart() throws Exception {
        try (WebServer bound = WebServer.bind(TestWebServer.LOOPBACK, new LifecycleLog(new RecordingLogger()))) {
            assertThatThrownBy(() -> new ServerSocket(bound.port(), 1, InetAddress.getLoopbackAddress()).close())
                    .isInstanceOf(IOException.class);
            bound.start(java.util.List.of(new OpsModule(metrics, Readiness.of(state::get, () -> true))));
            assertThat(http.send(HttpRequest.newBuilder(bound.baseUri().resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status, String type, String title) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith(Problem.CONTENT_TYPE));
        JsonNode problem = Json.mapper().readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).isEqualTo(type);
        assertThat(problem.path("title").asText()).isEqualTo(title);
        return problem;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
