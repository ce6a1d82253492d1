package org.lurewatch.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpsHttpServerTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LurewatchMetrics metrics = LurewatchMetrics.create();
    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.RUNNING);
    private final RecordingLogger lifecycleLogger = new RecordingLogger();
    private final OpsHttpServer server = OpsHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            metrics, Readiness.of(state::get, () -> true), new LifecycleLog(lifecycleLogger));

    @AfterEach
    void close() {
        server.close();
        metrics.close();
    }

    @Test
    void shouldPickAFreePortAndLogItsUrl() {
        assertThat(server.port()).isPositive();
        assertThat(lifecycleLogger.lines()).singleElement().extracting(RecordingLogger.Line::message)
                .isEqualTo("event=ops_http_serving url=http://127.0.0.1:" + server.port()
                        + "/ metrics=http://127.0.0.1:" + server.port() + "/metrics");
    }

    @Test
    void shouldServePrometheusText() throws Exception {
        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(OpsHttpServer.PROMETHEUS_TEXT);
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
    void shouldAnswer404ForAnUnknownPath() throws Exception {
        assertThat(get("/metrics/extra").statusCode()).isEqualTo(404);
        assertThat(get("/").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswer405ForAnotherMethod() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void shouldAnswerHeadWithoutABody() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/readyz"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void shouldSayWhichPortIsTakenWhenItCannotBind() {
        InetSocketAddress taken = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());

        assertThatThrownBy(() -> OpsHttpServer.start(taken, metrics, Readiness.of(state::get, () -> true),
                new LifecycleLog(new RecordingLogger())))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(String.valueOf(server.port()))
                .hasMessageContaining("--http-port");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
