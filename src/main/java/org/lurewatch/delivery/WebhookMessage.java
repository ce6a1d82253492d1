package org.lurewatch.delivery;

import java.util.Objects;

/**
 * One message on its way to an endpoint: the body sent on every attempt, its id (the {@code webhook-id}, the
 * CloudEvent id inside) and type. A message that must not reach this endpoint carries a {@code refusal} and goes
 * straight to the dead-letter topic.
 */
record WebhookMessage(String id, String type, byte[] body, String refusal) {
    WebhookMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
    }
}
