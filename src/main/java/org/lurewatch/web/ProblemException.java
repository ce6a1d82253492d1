package org.lurewatch.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Thrown by a handler to answer with a problem: the server writes it as {@code application/problem+json} with the
 * given headers ({@code WWW-Authenticate}, {@code Retry-After}, {@code Allow}, ...).
 */
public final class ProblemException extends RuntimeException {
    private final transient Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()), null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.headers = Map.copyOf(new LinkedHashMap<>(headers));
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** 400 with a detail that says what was wrong. */
    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(400, detail));
    }

    /** 429 with {@code Retry-After} in whole seconds (at least 1) and the same as {@code retry_after_seconds}. */
    public static ProblemException tooManyRequests(String detail, java.time.Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ProblemException(Problem.typed("rate-limited", "Too many requests", 429, detail)
                .with("retry_after_seconds", seconds), Map.of("Retry-After", Long.toString(seconds)));
    }

    /** 404: also the answer for something that exists but belongs to someone else, so existence does not leak. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, detail));
    }
}
