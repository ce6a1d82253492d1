package org.lurewatch.access;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The content of {@code webhooks.json}: {@code {"format": "lurewatch-webhooks", "version": 1, "endpoints": [...]}}. */
record WebhooksDocument(String format, int version, List<WebhookEndpoint> endpoints) {
    static final String FORMAT = "lurewatch-webhooks";

    WebhooksDocument {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("'format' must be \"" + FORMAT + "\", was " + AccountsDocument.quoted(format));
        }
        if (version != 1) {
            throw new IllegalArgumentException("'version' " + version + " is not supported, expected 1");
        }
        endpoints = List.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
        Set<String> seen = new HashSet<>();
        for (WebhookEndpoint endpoint : endpoints) {
            if (!seen.add(endpoint.endpointId())) {
                throw new IllegalArgumentException("endpoint id '" + endpoint.endpointId() + "' appears twice");
            }
        }
    }

    static WebhooksDocument empty() {
        return new WebhooksDocument(FORMAT, 1, List.of());
    }
}
