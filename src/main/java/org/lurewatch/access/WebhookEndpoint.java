package org.lurewatch.access;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One registered webhook endpoint as stored in {@code webhooks.json}: whose it is (a hotline or a partner, as
 * {@code hotline:<id>} or {@code partner:<id>}), where deliveries go, what it receives, and its signing secrets (more
 * than one during a rotation's overlap). The owner decides what it may receive: its own alert topic only.
 *
 * @param endpointId public id: names the endpoint in lists, metrics ({@code endpoint} tag), audit lines and its
 *                   consumer group ({@code <application.id>-webhooks.<endpoint id>})
 */
public record WebhookEndpoint(String endpointId, String owner, String url, List<WebhookEvent> events, Instant createdAt,
                              List<WebhookSecret> secrets) {
    static final Pattern OWNER = Pattern.compile("(hotline|partner):" + Principal.ID.pattern());
    private static final int MAX_URL_LENGTH = 2048;

    public WebhookEndpoint {
        Objects.requireNonNull(endpointId, "endpoint_id");
        Objects.requireNonNull(createdAt, "created_at");
        if (!ApiKey.KEY_ID.matcher(endpointId).matches()) {
            throw new IllegalArgumentException("endpoint id '" + endpointId + "' is not 10 lower-case letters or digits");
        }
        if (owner == null || !OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("endpoint " + endpointId + ": owner must be hotline:<id> or partner:<id>, was "
                    + (owner == null ? "null" : "'" + owner + "'"));
        }
        checkUrl(endpointId, url);
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        if (events.isEmpty() || events.stream().distinct().count() != events.size()) {
            throw new IllegalArgumentException("endpoint " + endpointId + ": events must name alerts and/or signals, once each");
        }
        secrets = List.copyOf(Objects.requireNonNull(secrets, "secrets"));
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("endpoint " + endpointId + " has no signing secret");
        }
        if (secrets.stream().map(WebhookSecret::secretId).distinct().count() != secrets.size()) {
            throw new IllegalArgumentException("endpoint " + endpointId + ": a secret id appears twice");
        }
    }

    /** {@code hotline} or {@code partner}. */
    public PrincipalKind ownerKind() {
        return owner.startsWith("hotline:") ? PrincipalKind.HOTLINE : PrincipalKind.PARTNER;
    }

    /** The hotline or partner id. */
    public String ownerId() {
        return owner.substring(owner.indexOf(':') + 1);
    }

    public boolean receives(WebhookEvent event) {
        return events.contains(event);
    }

    /** The secrets deliveries are signed with at {@code now}, newest first; never empty for a stored endpoint. */
    public List<WebhookSecret> signingSecrets(Instant now) {
        List<WebhookSecret> usable = secrets.stream().filter(secret -> secret.usable(now))
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).toList();
        // A rotation always leaves the newest secret without an end, so this only guards a hand-edited file.
        return usable.isEmpty() ? List.of(secrets.get(secrets.size() - 1)) : usable;
    }

    WebhookEndpoint withSecrets(List<WebhookSecret> newSecrets) {
        return new WebhookEndpoint(endpointId, owner, url, events, createdAt, newSecrets);
    }

    /** Checks a delivery URL: absolute http or https, a host, no user info or fragment. */
    static URI checkUrl(String endpointId, String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException("endpoint " + endpointId + ": the url must be 1 to " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("endpoint " + endpointId + ": '" + url + "' is not a URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("endpoint " + endpointId + ": the url must start with https:// (was '" + url + "')");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("endpoint " + endpointId + ": the url has no host: '" + url + "'");
        }
        if (uri.getUserInfo() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("endpoint " + endpointId + ": the url must not carry a user name, password "
                    + "or #fragment; authenticate the sender by its signature instead");
        }
        return uri;
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[" + endpointId + ", owner=" + owner + ", url=" + url + ", events=" + events + "]";
    }
}
