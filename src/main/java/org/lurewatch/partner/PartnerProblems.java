package org.lurewatch.partner;

import java.util.List;
import java.util.Map;
import org.lurewatch.web.Problem;
import org.lurewatch.web.ProblemException;

/** The partner API's own problem types ({@code urn:lurewatch:problem:<slug>}), listed in docs/partners.md. */
final class PartnerProblems {
    static final String MALFORMED = "flags-malformed";
    static final String BATCH_TOO_LARGE = "batch-too-large";
    static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    static final String FLAG_REJECTED = "flag-rejected";
    static final String FLAGS_UNAVAILABLE = "flags-unavailable";
    static final String SIGNALS_UNAVAILABLE = "signals-unavailable";
    static final String INVALID_QUERY = "invalid-query";

    private PartnerProblems() {
    }

    static ProblemException malformed(String detail, List<Map<String, Object>> errors) {
        Problem problem = Problem.typed(MALFORMED, "Malformed flag body", 400, detail + "; nothing was accepted");
        return new ProblemException(errors.isEmpty() ? problem : problem.with("errors", errors));
    }

    static ProblemException batchTooLarge(int items, int max) {
        return new ProblemException(Problem.typed(BATCH_TOO_LARGE, "Too many flags in one request", 413,
                "the body holds " + items + " flags; send at most " + max + " per request (partner.flags.max.batch); "
                        + "nothing was accepted").with("max_batch", max));
    }

    static ProblemException unsupportedMediaType(String given) {
        return new ProblemException(Problem.typed(UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", 415,
                "Content-Type " + (given == null ? "is missing" : "'" + given + "' is not accepted")
                        + "; send application/json (one flag) or application/x-ndjson (one flag per line), in UTF-8")
                .with("accepted", FlagRequests.ACCEPTED_TYPES));
    }

    static ProblemException unavailable(String slug, String detail) {
        return new ProblemException(Problem.typed(slug, "Temporarily unavailable", 503, detail),
                Map.of("Retry-After", "5"));
    }

    static ProblemException invalidQuery(String detail) {
        return new ProblemException(Problem.typed(INVALID_QUERY, "Invalid query parameter", 400, detail));
    }
}
