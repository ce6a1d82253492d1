package org.lurewatch.access;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The content of {@code apikeys.json}: {@code {"format": "lurewatch-api-keys", "version": 1, "keys": [...]}}. */
record ApiKeysDocument(String format, int version, List<ApiKey> keys) {
    static final String FORMAT = "lurewatch-api-keys";

    ApiKeysDocument {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("'format' must be \"" + FORMAT + "\", was " + AccountsDocument.quoted(format));
        }
        if (version != 1) {
            throw new IllegalArgumentException("'version' " + version + " is not supported, expected 1");
        }
        keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
        Set<String> seen = new HashSet<>();
        for (ApiKey key : keys) {
            if (!seen.add(key.keyId())) {
                throw new IllegalArgumentException("key id '" + key.keyId() + "' appears twice");
            }
        }
    }

    static ApiKeysDocument empty() {
        return new ApiKeysDocument(FORMAT, 1, List.of());
    }
}
