package org.lurewatch.access;

import java.util.Objects;

/** A signing secret just made for an endpoint (by {@code webhooks add} or {@code rotate}): print it once, to its owner. */
public record IssuedWebhookSecret(WebhookEndpoint endpoint, WebhookSecret secret) {
    public IssuedWebhookSecret {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "IssuedWebhookSecret[" + endpoint.endpointId() + ", secret=" + secret.secretId() + "]";
    }
}
