package org.lurewatch.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.lurewatch.access.Access;
import org.lurewatch.access.Logins;
import org.lurewatch.access.Principal;
import org.lurewatch.access.WebhookEndpoint;
import org.lurewatch.config.PartnerConfig;
import org.lurewatch.kafka.Json;
import org.lurewatch.ops.PartnerApiMetrics;
import org.lurewatch.signal.SignalIndex;
import org.lurewatch.web.Problem;
import org.lurewatch.web.ProblemException;
import org.lurewatch.web.WebAuth;
import org.lurewatch.web.WebModule;
import org.lurewatch.web.WebRoutes;

/**
 * The partner API, under {@code /v1} with {@code Authorization: Bearer lwk_...} (the partner is the key's, never a
 * field of the request), and its OpenAPI 3.1 document at {@code /openapi.json} (open):
 * <ul>
 *   <li>{@code POST /v1/flags}: one envelope ({@code application/json}) or one per line
 *       ({@code application/x-ndjson}); a result per flag;</li>
 *   <li>{@code GET /v1/signals?since=&after=&limit=}: confirmed recruiter contacts, oldest change first;</li>
 *   <li>{@code GET /v1/webhooks}, {@code GET /v1/webhooks/{id}}: the partner's own webhook endpoints (another's
 *       answers 404).</li>
 * </ul>
 * Limits: the server's body limit (413), {@code partner.flags.max.batch} flags per request (413), and per partner
 * {@code partner.api.requests.per.minute} requests and {@code partner.flags.rate.per.minute} flags (429 with
 * {@code Retry-After}). Every error is problem details.
 */
public final class PartnerApiModule implements WebModule {
    public static final String OPENAPI_RESOURCE = "/web/openapi.json";
    /** Every path and method the module serves, as the OpenAPI document must list them. */
    public static final List<String> OPERATIONS = List.of("POST /v1/flags", "GET /v1/signals", "GET /v1/webhooks",
            "GET /v1/webhooks/{id}", "GET /openapi.json");
    private static final String JSON = "application/json";
    private static final int DEFAULT_PAGE = 500;
    private static final Set<String> SIGNAL_PARAMETERS = Set.of("since", "after", "limit");
    private static final Pattern SIGNAL_ID = Pattern.compile("sig_[0-9a-f]{24}");
    private static final Duration LOAD_WAIT = Duration.ofSeconds(2);

    private final Access access;
    private final PartnerConfig config;
    private final FlagIntake intake;
    private final SignalIndex signals;
    private final PartnerApiMetrics metrics;
    private final RateLimiter requests;
    private final RateLimiter flags;
    private final byte[] openApi;

    PartnerApiModule(Access access, PartnerConfig config, FlagIntake intake, SignalIndex signals, PartnerApiMetrics metrics) {
        this.access = access;
        this.config = config;
        this.intake = intake;
        this.signals = signals;
        this.metrics = metrics;
        this.requests = new RateLimiter(config.requestsPerMinute(), config.requestsPerMinute(), System::nanoTime);
        this.flags = new RateLimiter(config.flagsPerMinute(), Math.max(config.flagsPerMinute(), config.maxBatch()),
                System::nanoTime);
        this.openApi = openApiDocument();
    }

    @Override
    public void register(WebRoutes routes) {
        routes.before("/v1/*", ctx -> {
            Principal partner = WebAuth.requireApiKey(ctx, access.apiKeys(), access.audit());
            requests.take(partner.id(), 1).ifPresent(wait -> {
                metrics.limited(partner.id(), "requests");
                throw ProblemException.tooManyRequests("more than " + config.requestsPerMinute() + " requests a minute "
                        + "(partner.api.requests.per.minute); slow down", wait);
            });
        });
        routes.post("/v1/flags", this::flags);
        routes.get("/v1/signals", this::signals);
        routes.get("/v1/webhooks", this::webhooks);
        routes.get("/v1/webhooks/{id}", this::webhook);
        routes.get("/openapi.json", ctx -> ctx.contentType(JSON).result(openApi));
    }

    private void flags(Context ctx) throws JsonProcessingException {
        Principal partner = WebAuth.principal(ctx).orElseThrow();
        boolean batch = FlagRequests.isBatch(ctx.contentType());
        byte[] body = ctx.bodyAsBytes();
        int count = FlagRequests.count(body, batch);
        if (count > config.maxBatch()) {
            throw PartnerProblems.batchTooLarge(count, config.maxBatch());
        }
        flags.take(partner.id(), Math.max(1, count)).ifPresent(wait -> {
            metrics.limited(partner.id(), "flags");
            throw ProblemException.tooManyRequests("more than " + config.flagsPerMinute() + " flags a minute "
                    + "(partner.flags.rate.per.minute); nothing was accepted, send the request again later", wait);
        });
        List<FlagRequests.Item> items = FlagRequests.parse(body, batch, config.maxBatch());
        List<FlagResult> results = intake.submit(partner, items, Logins.Via.http(WebAuth.clientAddress(ctx)));
        if (!batch && results.get(0).status().equals(FlagResult.REJECTED)) {
            FlagResult rejected = results.get(0);
            throw new ProblemException(Problem.typed(PartnerProblems.FLAG_REJECTED, "Flag rejected", 422,
                    rejected.reason() + ": " + rejected.detail()).with("reason", rejected.reason())
                    .with("results", List.of(rejected)));
        }
        ObjectNode response = Json.mapper().createObjectNode();
        response.set("results", Json.mapper().valueToTree(results));
        for (String status : PartnerApiMetrics.RESULTS) {
            response.put(status, results.stream().filter(r -> r.status().equals(status)).count());
        }
        ctx.status(200).contentType(JSON).result(Json.mapper().writeValueAsString(response));
    }

    private void signals(Context ctx) throws JsonProcessingException, InterruptedException {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!SIGNAL_PARAMETERS.contains(name)) {
                throw PartnerProblems.invalidQuery("unknown parameter '" + clip(name) + "'; this endpoint takes since, "
                        + "after and limit");
            }
        }
        Instant since = Instant.EPOCH;
        String sinceText = ctx.queryParam("since");
        if (sinceText != null) {
            try {
                since = Instant.parse(sinceText);
            } catch (DateTimeParseException e) {
                throw PartnerProblems.invalidQuery("since '" + clip(sinceText) + "' is not an RFC 3339 time in UTC, such as "
                        + "2026-12-01T00:00:00Z");
            }
        }
        String after = ctx.queryParam("after");
        if (after != null && (!SIGNAL_ID.matcher(after).matches() || sinceText == null)) {
            throw PartnerProblems.invalidQuery("after must be a signal id (sig_ and 24 hex digits) and comes with since: "
                    + "pass on both values of the previous page's next");
        }
        int limit = Math.min(DEFAULT_PAGE, config.signalsPageMax());
        String limitText = ctx.queryParam("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > config.signalsPageMax()) {
                throw PartnerProblems.invalidQuery("limit must be a whole number from 1 to " + config.signalsPageMax());
            }
        }
        if (!signals.loaded() && !signals.awaitLoaded(LOAD_WAIT)) {
            throw PartnerProblems.unavailable(PartnerProblems.SIGNALS_UNAVAILABLE, "the signal feed is still loading; try "
                    + "again in a few seconds");
        }
        SignalIndex.Page page = signals.page(since, after, limit);
        ObjectNode response = Json.mapper().createObjectNode();
        response.set("signals", Json.mapper().valueToTree(page.signals()));
        response.put("has_more", page.more());
        Instant nextSince = page.signals().isEmpty() ? since : page.signals().get(page.signals().size() - 1).updatedAt();
        String nextAfter = page.signals().isEmpty() ? after : page.signals().get(page.signals().size() - 1).id();
        ObjectNode next = response.putObject("next");
        next.put("since", nextSince.toString());
        if (nextAfter != null) {
            next.put("after", nextAfter);
        }
        response.put("next_url", "/v1/signals?since=" + URLEncoder.encode(nextSince.toString(), StandardCharsets.UTF_8)
                + (nextAfter == null ? "" : "&after=" + nextAfter) + "&limit=" + limit);
        ctx.contentType(JSON).result(Json.mapper().writeValueAsString(response));
    }

    private void webhooks(Context ctx) throws JsonProcessingException {
        Principal partner = WebAuth.principal(ctx).orElseThrow();
        ArrayNode list = Json.mapper().createArrayNode();
        access.webhooks().list(Optional.of(partner)).forEach(endpoint -> list.add(describe(endpoint)));
        ObjectNode response = Json.mapper().createObjectNode();
        response.set("webhooks", list);
        ctx.contentType(JSON).result(Json.mapper().writeValueAsString(response));
    }

    private void webhook(Context ctx) throws JsonProcessingException {
        Principal partner = WebAuth.principal(ctx).orElseThrow();
        String id = ctx.pathParam("id");
        // Another partner's endpoint answers exactly like a missing one, so ids do not leak.
        WebhookEndpoint endpoint = access.webhooks().find(id).filter(e -> e.owner().equals(partner.name()))
                .orElseThrow(() -> ProblemException.notFound("no webhook endpoint '" + clip(id) + "' of this partner"));
        ctx.contentType(JSON).result(Json.mapper().writeValueAsString(describe(endpoint)));
    }

    /** An endpoint as its owner may see it: never a secret, only the secrets' ids and dates. */
    private static ObjectNode describe(WebhookEndpoint endpoint) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("endpoint_id", endpoint.endpointId());
        node.put("url", endpoint.url());
        ArrayNode events = node.putArray("events");
        endpoint.events().forEach(event -> events.add(event.wireName()));
        node.put("created_at", endpoint.createdAt().toString());
        ArrayNode secrets = node.putArray("secrets");
        Instant now = Instant.now();
        endpoint.secrets().forEach(secret -> {
            ObjectNode entry = secrets.addObject();
            entry.put("secret_id", secret.secretId());
            entry.put("created_at", secret.createdAt().toString());
            if (secret.expiresAt() != null) {
                entry.put("expires_at", secret.expiresAt().toString());
            }
            entry.put("in_use", secret.usable(now));
        });
        return node;
    }

    private static String clip(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 64 ? printable.substring(0, 64) + "..." : printable;
    }

    private static byte[] openApiDocument() {
        try (InputStream in = PartnerApiModule.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + OPENAPI_RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
