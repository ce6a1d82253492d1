package org.lurewatch.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.lurewatch.access.WebhookSecret;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com, "symmetric" scheme). For each message the sender
 * sets
 * <ul>
 *   <li>{@value #ID}: the message id, the same on every attempt (here the CloudEvent id: receivers de-duplicate by
 *       it);</li>
 *   <li>{@value #TIMESTAMP}: the attempt's time in whole seconds since the epoch;</li>
 *   <li>{@value #SIGNATURE}: {@code v1,<base64 HMAC-SHA256>} of {@code <id>.<timestamp>.<body>} with the key that is
 *       the base64 after {@code whsec_}; during a secret rotation one such signature per live secret, separated by
 *       spaces.</li>
 * </ul>
 * A receiver recomputes the HMAC over the raw body it received, compares it in constant time with each listed
 * {@code v1} signature, and refuses timestamps more than five minutes from its clock (replays).
 */
public final class WebhookSignature {
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** {@code v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>}. */
    public static String sign(byte[] key, String messageId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    /** The {@value #SIGNATURE} header: one signature per secret, space-separated. */
    public static String header(List<WebhookSecret> secrets, String messageId, long timestampSeconds, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a webhook needs at least one secret to be signed");
        }
        return secrets.stream().map(secret -> sign(secret.key(), messageId, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }
}
