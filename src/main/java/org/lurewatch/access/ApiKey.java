package org.lurewatch.access;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One partner API key as stored in {@code apikeys.json}: its public id, its partner and the SHA-256 of the key, never
 * the key. A key is a 256-bit random secret, so a fast hash is enough (nothing to brute-force); passwords, which are
 * guessable, get Argon2id instead.
 *
 * @param keyId     the public part, printed by {@code apikeys list} and in audit lines
 * @param keySha256 lower-case hex SHA-256 of the whole key string
 * @param expiresAt when the key stops working (set by a rotation, after the overlap); null while it has no end
 * @param revokedAt when it was revoked (stops at once); null if never
 */
public record ApiKey(String keyId, String partner, String keySha256, Instant createdAt, Instant expiresAt,
                     Instant revokedAt) {
    static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{10}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public enum State {
        ACTIVE, EXPIRING, EXPIRED, REVOKED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ApiKey {
        Objects.requireNonNull(keyId, "key_id");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(createdAt, "created_at");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("key id '" + keyId + "' is not 10 lower-case letters or digits");
        }
        if (!Principal.ID.matcher(partner).matches()) {
            throw new IllegalArgumentException("key " + keyId + ": partner '" + partner + "' is not a route id");
        }
        if (keySha256 == null || !SHA256_HEX.matcher(keySha256).matches()) {
            throw new IllegalArgumentException("key " + keyId + ": key_sha256 must be 64 lower-case hex digits");
        }
    }

    /** What the key is at {@code now}: usable (active, or expiring after a rotation), expired or revoked. */
    public State state(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        if (expiresAt == null) {
            return State.ACTIVE;
        }
        return now.isBefore(expiresAt) ? State.EXPIRING : State.EXPIRED;
    }

    public boolean usable(Instant now) {
        State state = state(now);
        return state == State.ACTIVE || state == State.EXPIRING;
    }
}
