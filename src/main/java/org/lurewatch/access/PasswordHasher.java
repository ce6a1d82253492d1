package org.lurewatch.access;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (BouncyCastle), stored as PHC strings:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (salt and hash in unpadded base64). The parameters travel with
 * each hash, so raising them later keeps old hashes verifiable ({@link #needsRehash}).
 *
 * <p>Defaults follow the OWASP Password Storage Cheat Sheet's first Argon2id setting: 19 MiB of memory, 2 passes,
 * 1 lane; a 16-byte random salt and a 32-byte hash. Thread-safe.
 */
public final class PasswordHasher {
    /** m=19456 KiB, t=2, p=1. */
    public static final Cost DEFAULT_COST = new Cost(19_456, 2, 1);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

    private final Cost cost;
    /**
     * Verified against when an account does not exist, so a missing user costs as much time as a wrong password.
     * Made at first need: commands that never verify do not pay for it.
     */
    private volatile String dummy;

    public PasswordHasher() {
        this(DEFAULT_COST);
    }

    public PasswordHasher(Cost cost) {
        this.cost = cost;
    }

    /**
     * Argon2id work factors.
     *
     * @param memoryKiB   memory in KiB (at least 8 per lane)
     * @param iterations  passes over memory
     * @param parallelism lanes
     */
    public record Cost(int memoryKiB, int iterations, int parallelism) {
        public Cost {
            if (parallelism < 1 || parallelism > 16 || iterations < 1 || iterations > 100
                    || memoryKiB < 8 * parallelism || memoryKiB > 4 * 1024 * 1024) {
                throw new IllegalArgumentException("Argon2id cost out of range: m=" + memoryKiB + ", t=" + iterations
                        + ", p=" + parallelism);
            }
        }
    }

    /** A new PHC string for {@code password} with a fresh random salt. */
    public String hash(char[] password) {
        byte[] salt = Secrets.randomBytes(SALT_BYTES);
        byte[] hash = derive(password, salt, cost, HASH_BYTES);
        return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether {@code password} matches {@code encoded}, compared in constant time. A malformed {@code encoded} never
     * matches (and costs the same time as a mismatch).
     */
    public boolean verify(char[] password, String encoded) {
        Parsed parsed = parse(encoded);
        if (parsed == null) {
            verify(password, dummy());
            return false;
        }
        byte[] actual = derive(password, parsed.salt(), parsed.cost(), parsed.hash().length);
        return MessageDigest.isEqual(actual, parsed.hash());
    }

    /** Spends the time of one verification and fails: for an unknown user, so timing does not tell who exists. */
    public boolean verifyNothing(char[] password) {
        verify(password, dummy());
        return false;
    }

    private String dummy() {
        String made = dummy;
        if (made == null) {
            made = hash("not a password".toCharArray());
            dummy = made;
        }
        return made;
    }

    /** Whether {@code encoded} was made with other parameters than this hasher's (rehash at the next login). */
    public boolean needsRehash(String encoded) {
        Parsed parsed = parse(encoded);
        return parsed == null || !parsed.cost().equals(cost);
    }

    /** Whether {@code encoded} has the form this hasher writes; a store uses it to reject a damaged file. */
    public static boolean isWellFormed(String encoded) {
        return parse(encoded) != null;
    }

    private static Parsed parse(String encoded) {
        if (encoded == null) {
            return null;
        }
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) {
            return null;
        }
        try {
            Cost cost = new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return new Parsed(cost, B64_DECODE.decode(m.group(4)), B64_DECODE.decode(m.group(5)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, Cost cost, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build());
        byte[] secret = utf8(password);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(secret, out);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }

    private record Parsed(Cost cost, byte[] salt, byte[] hash) {
    }
}
