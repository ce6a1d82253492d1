package org.lurewatch.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * A real HTTP receiver for webhook tests (the JDK's server on 127.0.0.1 and a free port): records every request it
 * gets, headers in lower case, and answers with the status the test chooses for it.
 */
public final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final ScheduledExecutorService delayer = Executors.newSingleThreadScheduledExecutor();
    private volatile Duration latency = Duration.ZERO;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<Request> answer = request -> 200;

    /** One request as received. */
    public record Request(String path, Map<String, String> headers, byte[] body, Instant at, int status) {
        public String id() {
            return headers.get("webhook-id");
        }
    }

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How to answer from now on: the status for each request. */
    public void answer(ToIntFunction<Request> status) {
        this.answer = status;
    }

    /** Answer each request this long after it arrived (a receiver across a network), without holding a thread. */
    public void latency(Duration delay) {
        this.latency = delay;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests to {@code path} that got a 2xx answer. */
    public List<Request> delivered(String path) {
        List<Request> delivered = new ArrayList<>();
        for (Request request : requests) {
            if (request.path().equals(path) && request.status() >= 200 && request.status() < 300) {
                delivered.add(request);
            }
        }
        return delivered;
    }

    public List<Request> to(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        Request received = new Request(exchange.getRequestURI().getPath(), Map.copyOf(headers), body, Instant.now(), 0);
        int status = answer.applyAsInt(received);
        requests.add(new Request(received.path(), received.headers(), body, received.at(), status));
        if (latency.isZero()) {
            respond(exchange, status);
        } else {
            delayer.schedule(() -> respond(exchange, status), latency.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private static void respond(HttpExchange exchange, int status) {
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException e) {
            // the sender gave up (timeout); it will retry
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        delayer.shutdownNow();
    }
}
