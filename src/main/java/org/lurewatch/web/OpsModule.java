package org.lurewatch.web;

import java.util.Objects;
import org.lurewatch.ops.LurewatchMetrics;
import org.lurewatch.ops.Readiness;
import org.lurewatch.ops.ReadinessReport;

/**
 * The operations endpoints, open without login (they carry no personal data):
 * <ul>
 *   <li>{@code GET /metrics}: Prometheus text format from {@link LurewatchMetrics};</li>
 *   <li>{@code GET /healthz}: liveness, 200 whenever the server answers at all;</li>
 *   <li>{@code GET /readyz}: readiness, 200 when {@link Readiness} says ready, else 503, with a small JSON body
 *       naming each check.</li>
 * </ul>
 * HEAD answers the same without a body; any other method gets 405 with {@code Allow}.
 */
public final class OpsModule implements WebModule {
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String JSON = "application/json";

    private final LurewatchMetrics metrics;
    private final Readiness readiness;

    public OpsModule(LurewatchMetrics metrics, Readiness readiness) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.readiness = Objects.requireNonNull(readiness, "readiness");
    }

    @Override
    public void register(WebRoutes routes) {
        routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
        routes.get("/healthz", ctx -> ctx.contentType(JSON).result("{\"status\":\"alive\"}"));
        routes.get("/readyz", ctx -> {
            ReadinessReport report = readiness.check();
            ctx.status(report.ready() ? 200 : 503).contentType(JSON).result(report.toJson());
        });
    }
}
