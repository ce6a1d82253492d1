package org.lurewatch.access;

import java.util.Objects;

/**
 * A key just created: the only moment its secret exists outside the partner's hands. Print {@link #secret()} once;
 * the store keeps its hash.
 */
public record IssuedKey(ApiKey key, String secret) {
    public IssuedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "IssuedKey[" + key.keyId() + ", partner=" + key.partner() + "]";
    }
}
