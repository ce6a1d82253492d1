package org.lurewatch.access;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Partner API keys in {@code <access.dir>/apikeys.json}. A key reads {@code lwk_<key id>_<secret>}: the key id
 * (10 lower-case letters and digits) is public and names the key in lists and audit lines; the secret is 32 random
 * bytes in base64url. The partner comes from the key, never from the request.
 *
 * <p>Rotation: {@link #rotate} issues a new key and gives the partner's other usable keys an end {@code overlap}
 * from now, so both work while the partner deploys the new one. {@link #revoke} ends a key at once.
 */
public final class ApiKeyStore {
    public static final String FILE_NAME = "apikeys.json";
    public static final String PREFIX = "lwk_";
    /** The longest overlap a rotation may give the old key. */
    public static final Duration MAX_OVERLAP = Duration.ofDays(30);
    private static final int KEY_ID_LENGTH = 10;
    private static final int SECRET_BYTES = 32;
    private static final int SECRET_LENGTH = 43;

    private final CredentialFile<ApiKeysDocument> file;
    private final Identities identities;
    private final Clock clock;

    public ApiKeyStore(Path accessDir, Identities identities, Clock clock) {
        this.file = new CredentialFile<>(accessDir.resolve(FILE_NAME), ApiKeysDocument.class, ApiKeysDocument::empty);
        this.identities = Objects.requireNonNull(identities, "identities");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path path() {
        return file.path();
    }

    /** A new key for a partner the routes declare; the partner's other keys keep working. */
    public IssuedKey create(String partner) {
        identities.requirePartner(partner);
        IssuedKey issued = newKey(partner, clock.instant());
        file.update(document -> withKeys(document, append(document.keys(), issued.key())));
        return issued;
    }

    /**
     * A new key for {@code partner}; its other usable keys stop working {@code overlap} from now (at once for zero),
     * unless they end sooner already.
     */
    public IssuedKey rotate(String partner, Duration overlap) {
        identities.requirePartner(partner);
        if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw new AccessException("the overlap must be between 0 and " + MAX_OVERLAP.toDays() + " days, was " + overlap);
        }
        Instant now = clock.instant();
        Instant end = now.plus(overlap);
        IssuedKey issued = newKey(partner, now);
        file.update(document -> {
            List<ApiKey> keys = new ArrayList<>();
            for (ApiKey key : document.keys()) {
                boolean shorten = key.partner().equals(partner) && key.usable(now)
                        && (key.expiresAt() == null || key.expiresAt().isAfter(end));
                keys.add(shorten ? new ApiKey(key.keyId(), key.partner(), key.keySha256(), key.createdAt(), end, null) : key);
            }
            keys.add(issued.key());
            return withKeys(document, keys);
        });
        return issued;
    }

    /** Ends a key at once. Revoking a revoked key is an error, so a typo in the id does not pass unnoticed. */
    public ApiKey revoke(String keyId) {
        Instant now = clock.instant();
        ApiKey[] revoked = new ApiKey[1];
        file.update(document -> {
            List<ApiKey> keys = new ArrayList<>();
            for (ApiKey key : document.keys()) {
                if (key.keyId().equals(keyId)) {
                    if (key.revokedAt() != null) {
                        throw new AccessException("key " + keyId + " was revoked already at " + key.revokedAt());
                    }
                    revoked[0] = new ApiKey(key.keyId(), key.partner(), key.keySha256(), key.createdAt(), key.expiresAt(), now);
                    keys.add(revoked[0]);
                } else {
                    keys.add(key);
                }
            }
            if (revoked[0] == null) {
                throw new AccessException("no API key with id '" + keyId + "'; `apikeys list` shows them");
            }
            return withKeys(document, keys);
        });
        return revoked[0];
    }

    /** Every key (of one partner, if given), oldest first. Never a secret. */
    public List<ApiKey> list(Optional<String> partner) {
        partner.ifPresent(identities::requirePartner);
        return file.read().keys().stream()
                .filter(key -> partner.map(key.partner()::equals).orElse(true))
                .sorted(Comparator.comparing(ApiKey::partner).thenComparing(ApiKey::createdAt))
                .toList();
    }

    /**
     * The partner a presented key belongs to, if the key is well formed, known, usable now and its partner is still
     * in the routes. The hash comparison is constant-time.
     */
    public Optional<Principal> verify(String presented) {
        Optional<String> keyId = keyIdOf(presented);
        if (keyId.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        byte[] digest = sha256(presented);
        for (ApiKey key : file.read().keys()) {
            if (key.keyId().equals(keyId.get())) {
                boolean matches = MessageDigest.isEqual(digest, HexFormat.of().parseHex(key.keySha256()));
                return matches && key.usable(now) ? identities.partner(key.partner()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The public key id of a well-formed key ({@code lwk_<id>_<secret>}), for audit lines on failure too. */
    public static Optional<String> keyIdOf(String presented) {
        if (presented == null || presented.length() != PREFIX.length() + KEY_ID_LENGTH + 1 + SECRET_LENGTH
                || !presented.startsWith(PREFIX) || presented.charAt(PREFIX.length() + KEY_ID_LENGTH) != '_') {
            return Optional.empty();
        }
        String keyId = presented.substring(PREFIX.length(), PREFIX.length() + KEY_ID_LENGTH);
        return ApiKey.KEY_ID.matcher(keyId).matches() ? Optional.of(keyId) : Optional.empty();
    }

    private static IssuedKey newKey(String partner, Instant now) {
        String keyId = Secrets.publicId(KEY_ID_LENGTH);
        String secret = PREFIX + keyId + "_" + Secrets.token(SECRET_BYTES);
        ApiKey key = new ApiKey(keyId, partner, HexFormat.of().formatHex(sha256(secret)), now, null, null);
        return new IssuedKey(key, secret);
    }

    private static List<ApiKey> append(List<ApiKey> keys, ApiKey key) {
        if (keys.stream().anyMatch(k -> k.keyId().equals(key.keyId()))) {
            throw new IllegalStateException("key id collision; try again");
        }
        List<ApiKey> all = new ArrayList<>(keys);
        all.add(key);
        return all;
    }

    private static ApiKeysDocument withKeys(ApiKeysDocument document, List<ApiKey> keys) {
        return new ApiKeysDocument(document.format(), document.version(), keys);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
