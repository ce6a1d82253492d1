package org.lurewatch.web;

/**
 * A part of the HTTP server that brings its own routes and authentication: the ops endpoints ({@link OpsModule}), the
 * hotline analysts' console ({@code org.lurewatch.console}) and the partner API (issue 12). Modules are registered once,
 * before the server answers its first request.
 *
 * <p>Rules every module follows:
 * <ul>
 *   <li>errors are thrown as {@link ProblemException} (or left to the server: 404, 405, 413, 500 become problem
 *       details without help);</li>
 *   <li>authentication is a {@link WebRoutes#before} on the module's own path prefix using {@link WebAuth}; the
 *       principal is taken from {@link WebAuth#principal}, never from a request field;</li>
 *   <li>HTML pages set their own {@code Content-Security-Policy} ({@link SecurityHeaders#htmlPolicy}); every other
 *       response keeps the server's strict default.</li>
 * </ul>
 */
@FunctionalInterface
public interface WebModule extends AutoCloseable {
    void register(WebRoutes routes);

    /** Releases what the module holds (consumers, producers, threads); the server calls it once when it closes. */
    @Override
    default void close() {
    }

    /** Builds a module from what a running instance offers (the runtime calls it once, after Kafka Streams exists). */
    @FunctionalInterface
    interface Factory {
        WebModule create(WebContext context);
    }
}
