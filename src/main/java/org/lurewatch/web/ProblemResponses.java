package org.lurewatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.UUID;
import org.lurewatch.access.AccessStoreException;
import org.lurewatch.kafka.Json;
import org.lurewatch.ops.KeyValueLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every error into RFC 9457 problem details: a {@link ProblemException} as thrown, Javalin's own
 * {@link HttpResponseException}s (404, 405, 413, ...) by their status, anything else as a 500 whose detail is only an
 * error id that the log line carries too (the cause never reaches the client). Any error status a handler sets without
 * a problem body gets one.
 */
final class ProblemResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private ProblemResponses() {
    }

    static void install(RoutesConfig routes) {
        routes.exception(ProblemException.class, (e, ctx) -> write(ctx, e.problem(), e.headers()));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e), allow(e)));
        // A credential file that cannot be used: fail closed, tell the operator (the log names the file), not the client.
        routes.exception(AccessStoreException.class, (e, ctx) -> {
            LOG.error("{}", KeyValueLine.event("credentials_unavailable").with("message", e.getMessage()));
            write(ctx, Problem.typed("credentials-unavailable", "Credentials unavailable", 503,
                    "sign-in and API keys are unavailable until an operator repairs the credential store; try again later"),
                    Map.of("Retry-After", "60"));
        });
        routes.exception(Exception.class, (e, ctx) -> {
            String id = UUID.randomUUID().toString();
            LOG.error("{}", KeyValueLine.event("http_error").with("error_id", id).with("method", ctx.method().name())
                    .with("path", matchedPath(ctx))
                    .with("error", e.getClass().getName()), e);
            write(ctx, Problem.of(500, "an internal error occurred; the server log has it under error id " + id)
                    .withInstance("urn:uuid:" + id), Map.of());
        });
        for (HttpStatus status : HttpStatus.values()) {
            if (status.getCode() >= 400) {
                routes.error(status.getCode(), ctx -> {
                    // A handler that set an error status and wrote its own body (the /readyz report) keeps it.
                    if (!isProblem(ctx) && ctx.resultInputStream() == null) {
                        write(ctx, Problem.of(ctx.statusCode(), null), Map.of());
                    }
                });
            }
        }
    }

    static void write(Context ctx, Problem problem, Map<String, String> headers) {
        headers.forEach(ctx::header);
        ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(json(problem));
    }

    static String json(Problem problem) {
        try {
            return Json.mapper().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem is always serialisable", e);
        }
    }

    private static Problem fromJavalin(HttpResponseException e) {
        int status = e.getStatus();
        String message = e.getMessage();
        String detail = message == null || message.isBlank() || message.equalsIgnoreCase(Problem.reason(status)) ? null : message;
        if (status == 405) {
            return Problem.of(405, "this path does not take that method");
        }
        if (status == 413) {
            return Problem.typed("body-too-large", "Request body too large", 413, detail);
        }
        return Problem.of(status, detail);
    }

    /** The route template ({@code /alerts/{id}}), never the raw path, which can carry ids. */
    private static String matchedPath(Context ctx) {
        try {
            io.javalin.router.Endpoint endpoint = ctx.endpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    /** Javalin lists the methods a path takes in the 405's details; they become the {@code Allow} header. */
    private static Map<String, String> allow(HttpResponseException e) {
        if (e.getStatus() != 405) {
            return Map.of();
        }
        return e.getDetails().values().stream().findFirst()
                .map(methods -> Map.of("Allow", methods.replaceAll("[\\[\\]]", "")))
                .orElse(Map.of());
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.CONTENT_TYPE);
    }
}
