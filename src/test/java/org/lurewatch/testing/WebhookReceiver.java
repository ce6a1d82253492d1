package org.lurewatch.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

/**
 * A real HTTP receiver for webhook tests (the JDK's server on 127.0.0.1 and a free port): records every request it
 * gets, headers in lower case, and answers with the status the test chooses for it.
 */
public final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
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
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
