package org.lurewatch.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lurewatch.access.WebhookSecret;
import org.lurewatch.testing.StandardWebhooksVerifier;

class WebhookSignatureTest {
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final byte[] BODY = "{\"id\":\"a1\",\"type\":\"org.lurewatch.alert.lure.v1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldMatchTheStandardWebhooksReferenceVector() {
        // The signing test of the reference libraries (standard-webhooks, WebhookTest.verifyWebhookSignWorks).
        byte[] key = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        String signature = WebhookSignature.sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void shouldBeVerifiedByAReceiverThatFollowsTheSpecification() {
        String header = WebhookSignature.header(List.of(secret(SECRET)), "a1", NOW.getEpochSecond(), BODY);

        assertThat(new StandardWebhooksVerifier(SECRET).problem(headers("a1", NOW, header), BODY, NOW)).isEmpty();
    }

    @Test
    void shouldFailVerificationWhenAnythingSignedChanges() {
        String header = WebhookSignature.header(List.of(secret(SECRET)), "a1", NOW.getEpochSecond(), BODY);
        StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(SECRET);
        byte[] tampered = "{\"id\":\"a1\",\"type\":\"org.lurewatch.alert.benign.v1\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(verifier.problem(headers("a1", NOW, header), tampered, NOW)).hasValue("no matching v1 signature");
        assertThat(verifier.problem(headers("a2", NOW, header), BODY, NOW)).hasValue("no matching v1 signature");
        assertThat(verifier.problem(headers("a1", NOW.plusSeconds(1), header), BODY, NOW.plusSeconds(1)))
                .hasValue("no matching v1 signature");
        assertThat(verifier.problem(headers("a1", NOW, header), BODY, NOW.plusSeconds(301))).hasValue("timestamp outside tolerance");
        assertThat(new StandardWebhooksVerifier("whsec_" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}))
                .problem(headers("a1", NOW, header), BODY, NOW)).hasValue("no matching v1 signature");
    }

    @Test
    void shouldSignWithEveryLiveSecretDuringARotation() {
        String newer = "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

        String header = WebhookSignature.header(List.of(secret(newer), secret(SECRET)), "a1", NOW.getEpochSecond(), BODY);

        assertThat(header.split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
        assertThat(new StandardWebhooksVerifier(SECRET).problem(headers("a1", NOW, header), BODY, NOW)).isEmpty();
        assertThat(new StandardWebhooksVerifier(newer).problem(headers("a1", NOW, header), BODY, NOW)).isEmpty();
    }

    private static WebhookSecret secret(String value) {
        return new WebhookSecret("s000000001", value, NOW, null);
    }

    private static Map<String, String> headers(String id, Instant at, String signature) {
        return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(at.getEpochSecond()), "webhook-signature", signature);
    }
}
