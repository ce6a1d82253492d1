package org.lurewatch.access;

import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * One signing secret of a webhook endpoint, in the Standard Webhooks form {@code whsec_<base64 of 32 random bytes>}.
 * Unlike an API key it is kept as it is, not hashed: the sender needs it to compute every signature. It lives in the
 * owner-only {@code webhooks.json} and is printed once, when made.
 *
 * @param secretId  public id, for lists and audit lines
 * @param expiresAt when a rotation ends it (after the overlap); null while it has no end
 */
public record WebhookSecret(String secretId, String secret, Instant createdAt, Instant expiresAt) {
    public static final String PREFIX = "whsec_";
    static final int BYTES = 32;

    public WebhookSecret {
        Objects.requireNonNull(secretId, "secret_id");
        Objects.requireNonNull(createdAt, "created_at");
        if (!ApiKey.KEY_ID.matcher(secretId).matches()) {
            throw new IllegalArgumentException("secret id '" + secretId + "' is not 10 lower-case letters or digits");
        }
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("secret " + secretId + " must start with " + PREFIX);
        }
        int length;
        try {
            length = Base64.getDecoder().decode(secret.substring(PREFIX.length())).length;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secret " + secretId + " is not " + PREFIX + "<base64>", e);
        }
        if (length < 24 || length > 64) {
            throw new IllegalArgumentException("secret " + secretId + " must hold 24 to 64 bytes, holds " + length);
        }
    }

    /** The HMAC key: the bytes after {@code whsec_}, base64-decoded. */
    public byte[] key() {
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }

    /** Whether deliveries are signed with it at {@code now}. */
    public boolean usable(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    static WebhookSecret generate(Instant now) {
        return new WebhookSecret(Secrets.publicId(10), PREFIX + Base64.getEncoder().encodeToString(Secrets.randomBytes(BYTES)),
                now, null);
    }

    WebhookSecret endingAt(Instant end) {
        return new WebhookSecret(secretId, secret, createdAt, end);
    }

    @Override
    public String toString() {
        return "WebhookSecret[" + secretId + ", expires_at=" + expiresAt + "]";
    }
}
