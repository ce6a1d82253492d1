package org.lurewatch.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks signature, written from the specification
 * (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md) and on purpose sharing no
 * code with the sender, so a test that passes proves the sender follows the published algorithm:
 * <ol>
 *   <li>the headers {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature} are all present;</li>
 *   <li>the timestamp is within the tolerance (5 minutes) of now, either way;</li>
 *   <li>the signed content is {@code id + "." + timestamp + "." + body}, the key the base64 after {@code whsec_};</li>
 *   <li>the header is a space-separated list of {@code <version>,<signature>}; one {@code v1} entry must equal
 *       base64(HMAC-SHA256(key, content)), compared in constant time.</li>
 * </ol>
 */
public final class StandardWebhooksVerifier {
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private final byte[] key;

    public StandardWebhooksVerifier(String secret) {
        String base64 = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        this.key = Base64.getDecoder().decode(base64);
    }

    /** Empty when the request is authentic and fresh; else why not. Header names are matched in lower case. */
    public Optional<String> problem(Map<String, String> lowerCaseHeaders, byte[] body, Instant now) {
        String id = lowerCaseHeaders.get("webhook-id");
        String timestamp = lowerCaseHeaders.get("webhook-timestamp");
        String signatures = lowerCaseHeaders.get("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return Optional.of("missing header");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Optional.of("timestamp not a number");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return Optional.of("timestamp outside tolerance");
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
            byte[] content = new byte[prefix.length + body.length];
            System.arraycopy(prefix, 0, content, 0, prefix.length);
            System.arraycopy(body, 0, content, prefix.length, body.length);
            expected = mac.doFinal(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (String entry : signatures.split(" ")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return Optional.empty();
            }
        }
        return Optional.of("no matching v1 signature");
    }
}
