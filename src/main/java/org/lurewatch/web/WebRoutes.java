package org.lurewatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.Objects;

/**
 * What a {@link WebModule} may add to the server: endpoints and before-handlers (for its authentication) on its own
 * paths. Error mapping, security headers and size limits stay with the server, so every module answers alike.
 * Paths use Javalin's syntax ({@code /v1/flags}, {@code /alerts/{id}}).
 */
public final class WebRoutes {
    private final RoutesConfig routes;
    private final WebSettings settings;

    WebRoutes(RoutesConfig routes, WebSettings settings) {
        this.routes = Objects.requireNonNull(routes, "routes");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** How the server listens (for cookie flags and limits). */
    public WebSettings settings() {
        return settings;
    }

    /** GET, and HEAD with the same headers and no body. */
    public WebRoutes get(String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
        return this;
    }

    public WebRoutes post(String path, Handler handler) {
        routes.post(path, handler);
        return this;
    }

    public WebRoutes put(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    public WebRoutes patch(String path, Handler handler) {
        routes.patch(path, handler);
        return this;
    }

    public WebRoutes delete(String path, Handler handler) {
        routes.delete(path, handler);
        return this;
    }

    /**
     * Runs {@code handler} before every request whose path matches {@code pathPattern} ({@code /v1/*}); throw a
     * {@link ProblemException} from it to refuse the request (for example a missing API key).
     */
    public WebRoutes before(String pathPattern, Handler handler) {
        routes.before(pathPattern, handler);
        return this;
    }
}
