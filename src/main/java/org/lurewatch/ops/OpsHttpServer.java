package org.lurewatch.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoints, on their own port:
 * <ul>
 *   <li>{@code GET /metrics}: Prometheus text format from {@link LurewatchMetrics};</li>
 *   <li>{@code GET /healthz}: liveness, 200 whenever this server answers at all;</li>
 *   <li>{@code GET /readyz}: readiness, 200 when {@link Readiness} says ready, else 503, with a
 *       small JSON body naming each check.</li>
 * </ul>
 * Any other path is 404, any method but GET or HEAD is 405.
 */
public final class OpsHttpServer implements AutoCloseable {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(OpsHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Endpoint> endpoints;

    private OpsHttpServer(HttpServer server, ExecutorService executor, LurewatchMetrics metrics, Readiness readiness) {
        this.server = server;
        this.executor = executor;
        this.endpoints = new java.util.concurrent.ConcurrentHashMap<>(Map.of(
                "/metrics", () -> new Response(200, PROMETHEUS_TEXT, metrics.scrape()),
                "/healthz", () -> new Response(200, JSON, "{\"status\":\"alive\"}"),
                "/readyz", () -> {
                    ReadinessReport report = readiness.check();
                    return new Response(report.ready() ? 200 : 503, JSON, report.toJson());
                }));
    }

    /** Serves on all interfaces at {@code port}; 0 picks a free port (see {@link #port()}). */
    public static OpsHttpServer start(int port, LurewatchMetrics metrics, Readiness readiness) {
        return start(new InetSocketAddress(port), metrics, readiness, LifecycleLog.create());
    }

    /**
     * Serves at {@code address} and logs one {@code ops_http_serving} line with the URL.
     *
     * @throws UncheckedIOException if the port cannot be bound, naming the port
     */
    public static OpsHttpServer start(InetSocketAddress address, LurewatchMetrics metrics, Readiness readiness,
                                      LifecycleLog lifecycle) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(readiness, "readiness");
        if (address.getPort() < 0 || address.getPort() > 65_535) {
            throw new IllegalArgumentException("http port must be 0..65535 (0 picks a free one), was " + address.getPort());
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics and health on " + address
                    + " (port in use? choose another with --http-port, or 0 for any free port)", e);
        }
        // Two threads: a slow scrape must not hold up a health probe, and the server is never busy.
        ExecutorService executor = Executors.newFixedThreadPool(2, daemonThreads());
        OpsHttpServer ops = new OpsHttpServer(server, executor, metrics, readiness);
        server.createContext("/", ops::handle);
        server.setExecutor(executor);
        server.start();
        lifecycle.opsHttpServing(ops.baseUri());
        return ops;
    }

    /**
     * Serves {@code body} at {@code path} (GET), for pages a command adds, such as the demo's alert page.
     * The built-in endpoints cannot be replaced.
     */
    public void addPage(String path, String contentType, java.util.function.Supplier<String> body) {
        Objects.requireNonNull(body, "body");
        if (!path.startsWith("/") || endpoints.putIfAbsent(path, () -> new Response(200, contentType, body.get())) != null) {
            throw new IllegalArgumentException("cannot serve a page at '" + path + "': taken, or not an absolute path");
        }
    }

    /** The port actually bound, which differs from the one asked for when that was 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Where to reach the endpoints; {@code localhost} when bound to all interfaces. */
    public URI baseUri() {
        InetAddress bound = server.getAddress().getAddress();
        String host = bound == null || bound.isAnyLocalAddress() ? "localhost" : bound.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Endpoint endpoint = endpoints.get(exchange.getRequestURI().getPath());
            Response response;
            if (endpoint == null) {
                response = new Response(404, TEXT, "not found; try /metrics, /healthz or /readyz\n");
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                response = new Response(405, TEXT, "method " + method + " not allowed; use GET\n");
            } else {
                response = respond(endpoint);
            }
            send(exchange, response, method.equals("HEAD"));
        }
    }

    private static Response respond(Endpoint endpoint) {
        try {
            return endpoint.respond();
        } catch (RuntimeException e) {
            LOG.warn("{}", KeyValueLine.event("ops_http_error").with("error", e.getClass().getName())
                    .with("message", e.getMessage()), e);
            return new Response(500, TEXT, "internal error: " + e.getClass().getSimpleName() + "\n");
        }
    }

    private static void send(HttpExchange exchange, Response response, boolean headOnly) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (headOnly) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "lurewatch-ops-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @FunctionalInterface
    private interface Endpoint {
        Response respond();
    }

    private record Response(int status, String contentType, String body) {
    }
}
