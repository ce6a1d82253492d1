package org.lurewatch.access;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Webhook endpoints of hotlines and partners in {@code <access.dir>/webhooks.json}, stored like the API keys (owner-only,
 * locked atomic writes, re-read by running instances when it changes) but with the signing secrets themselves: the
 * sender needs them for every signature, so they cannot be hashed. The file is credentials; treat it as such.
 *
 * <p>Rotation: {@link #rotate} adds a new secret and gives the endpoint's other secrets an end {@code overlap} from now;
 * meanwhile every delivery carries one signature per live secret ({@code v1,<a> v1,<b>}), so the receiver can switch
 * to the new secret whenever it likes within the overlap.
 */
public final class WebhookStore {
    public static final String FILE_NAME = "webhooks.json";
    /** The longest overlap a rotation may give the old secrets. */
    public static final Duration MAX_OVERLAP = Duration.ofDays(30);

    private final CredentialFile<WebhooksDocument> file;
    private final Identities identities;
    private final Clock clock;

    public WebhookStore(Path accessDir, Identities identities, Clock clock) {
        this.file = new CredentialFile<>(accessDir.resolve(FILE_NAME), WebhooksDocument.class, WebhooksDocument::empty);
        this.identities = Objects.requireNonNull(identities, "identities");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path path() {
        return file.path();
    }

    /**
     * Registers an endpoint for a hotline or partner of the routes and makes its first secret.
     *
     * @param allowHttp accept a plain {@code http://} URL (a receiver on a trusted network, a test); else https only
     */
    public IssuedWebhookSecret add(Principal owner, String url, Collection<WebhookEvent> events, boolean allowHttp) {
        Objects.requireNonNull(owner, "owner");
        if (owner.kind() != PrincipalKind.HOTLINE && owner.kind() != PrincipalKind.PARTNER) {
            throw new AccessException("webhooks belong to a hotline or a partner, not to " + owner);
        }
        URI uri;
        try {
            uri = WebhookEndpoint.checkUrl("new", url);
        } catch (IllegalArgumentException e) {
            throw new AccessException(e.getMessage().replaceFirst("^endpoint new: ", ""));
        }
        if (uri.getScheme().toLowerCase(Locale.ROOT).equals("http") && !allowHttp) {
            throw new AccessException("'" + url + "' is plain http: alerts would cross the network unencrypted. Use "
                    + "https://, or --allow-http for a receiver on a trusted network (a sidecar, a test)");
        }
        if (events.isEmpty()) {
            throw new AccessException("an endpoint must receive alerts, signals or both");
        }
        Instant now = clock.instant();
        WebhookSecret secret = WebhookSecret.generate(now);
        WebhookEndpoint endpoint = new WebhookEndpoint(Secrets.publicId(10), owner.name(), url,
                events.stream().distinct().sorted().toList(), now, List.of(secret));
        file.update(document -> {
            if (document.endpoints().stream().anyMatch(e -> e.endpointId().equals(endpoint.endpointId()))) {
                throw new IllegalStateException("endpoint id collision; try again");
            }
            List<WebhookEndpoint> endpoints = new ArrayList<>(document.endpoints());
            endpoints.add(endpoint);
            return new WebhooksDocument(document.format(), document.version(), endpoints);
        });
        return new IssuedWebhookSecret(endpoint, secret);
    }

    /**
     * A new secret for an endpoint; its other secrets stop being used {@code overlap} from now (at once for zero),
     * unless they end sooner already. Secrets that ended before now are dropped from the file.
     */
    public IssuedWebhookSecret rotate(String endpointId, Duration overlap) {
        if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw new AccessException("the overlap must be between 0 and " + MAX_OVERLAP.toDays() + " days, was " + overlap);
        }
        Instant now = clock.instant();
        Instant end = now.plus(overlap);
        WebhookSecret fresh = WebhookSecret.generate(now);
        WebhookEndpoint[] rotated = new WebhookEndpoint[1];
        change(endpointId, endpoint -> {
            List<WebhookSecret> secrets = new ArrayList<>();
            for (WebhookSecret secret : endpoint.secrets()) {
                if (!secret.usable(now)) {
                    continue;
                }
                boolean shorten = secret.expiresAt() == null || secret.expiresAt().isAfter(end);
                secrets.add(shorten ? secret.endingAt(end) : secret);
            }
            secrets.removeIf(secret -> !secret.usable(now));
            secrets.add(fresh);
            rotated[0] = endpoint.withSecrets(secrets);
            return rotated[0];
        });
        return new IssuedWebhookSecret(rotated[0], fresh);
    }

    /** Removes an endpoint: running instances stop delivering to it within seconds. */
    public WebhookEndpoint remove(String endpointId) {
        WebhookEndpoint[] removed = new WebhookEndpoint[1];
        file.update(document -> {
            List<WebhookEndpoint> endpoints = new ArrayList<>();
            for (WebhookEndpoint endpoint : document.endpoints()) {
                if (endpoint.endpointId().equals(endpointId)) {
                    removed[0] = endpoint;
                } else {
                    endpoints.add(endpoint);
                }
            }
            if (removed[0] == null) {
                throw unknown(endpointId);
            }
            return new WebhooksDocument(document.format(), document.version(), endpoints);
        });
        return removed[0];
    }

    /** Every endpoint (of one owner, if given), oldest first. */
    public List<WebhookEndpoint> list(Optional<Principal> owner) {
        return file.read().endpoints().stream()
                .filter(endpoint -> owner.map(p -> endpoint.owner().equals(p.name())).orElse(true))
                .sorted(Comparator.comparing(WebhookEndpoint::owner).thenComparing(WebhookEndpoint::createdAt))
                .toList();
    }

    /** Every endpoint whose owner the routes still declare: what the delivery serves. */
    public List<WebhookEndpoint> active() {
        return file.read().endpoints().stream().filter(this::ownerKnown).toList();
    }

    /** One endpoint by id. */
    public Optional<WebhookEndpoint> find(String endpointId) {
        return file.read().endpoints().stream().filter(e -> e.endpointId().equals(endpointId)).findFirst();
    }

    /** The owner of an endpoint as a principal, if the routes still declare it. */
    public Optional<Principal> owner(WebhookEndpoint endpoint) {
        return endpoint.ownerKind() == PrincipalKind.HOTLINE ? identities.hotline(endpoint.ownerId())
                : identities.partner(endpoint.ownerId());
    }

    private boolean ownerKnown(WebhookEndpoint endpoint) {
        return owner(endpoint).isPresent();
    }

    private void change(String endpointId, java.util.function.UnaryOperator<WebhookEndpoint> change) {
        file.update(document -> {
            List<WebhookEndpoint> endpoints = new ArrayList<>();
            boolean found = false;
            for (WebhookEndpoint endpoint : document.endpoints()) {
                if (endpoint.endpointId().equals(endpointId)) {
                    endpoints.add(change.apply(endpoint));
                    found = true;
                } else {
                    endpoints.add(endpoint);
                }
            }
            if (!found) {
                throw unknown(endpointId);
            }
            return new WebhooksDocument(document.format(), document.version(), endpoints);
        });
    }

    private static AccessException unknown(String endpointId) {
        return new AccessException("no webhook endpoint with id '" + endpointId + "'; `webhooks list` shows them");
    }
}
