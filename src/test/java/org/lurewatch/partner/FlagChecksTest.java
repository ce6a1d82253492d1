package org.lurewatch.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.lurewatch.access.Identities;
import org.lurewatch.access.Principal;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.ingest.EnvelopeReader;
import org.lurewatch.kafka.Json;

class FlagChecksTest {
    private final Principal tiktok = Identities.of(RoutesLoader.loadBundled()).requirePartner("tiktok");
    private final FlagChecks checks = new FlagChecks(new EnvelopeReader(100));

    @Test
    void shouldFillInThePartnerAndKindFromTheKey() throws Exception {
        FlagChecks.Outcome outcome = checks.check(flag("{\"id\":\"9\",\"source\":\"TikTok\",\"text\":\"job abroad\"}"), tiktok);

        assertThat(outcome).isInstanceOfSatisfying(FlagChecks.Valid.class, valid -> {
            assertThat(valid.postKey()).isEqualTo("tiktok:9");
            ObjectNode written = (ObjectNode) PipelineJson.read(valid.envelope());
            assertThat(written.get("partner_id").asText()).isEqualTo("tiktok");
            assertThat(written.get("kind").asText()).isEqualTo("partner_flag");
        });
        assertThat(checks.check(flag("{\"id\":\"9\",\"source\":\"tiktok\",\"text\":\"x\",\"partner_id\":\"tiktok\","
                + "\"kind\":\"partner_flag\"}"), tiktok)).isInstanceOf(FlagChecks.Valid.class);
    }

    @Test
    void shouldRejectAnotherPartnerOrKindAndWhatIngestWouldDeadLetter() {
        assertThat(reason("{\"id\":\"9\",\"source\":\"tiktok\",\"text\":\"x\",\"partner_id\":\"facebook\"}"))
                .isEqualTo("partner_mismatch");
        assertThat(reason("{\"id\":\"9\",\"source\":\"tiktok\",\"text\":\"x\",\"kind\":\"job_ad\"}")).isEqualTo("kind_not_allowed");
        assertThat(reason("{\"id\":\"9\",\"text\":\"x\"}")).isEqualTo("schema_violation");
        assertThat(reason("{\"id\":\"9\",\"source\":\"tiktok\",\"text\":\"   \"}")).isEqualTo("schema_violation");
        assertThat(reason("{\"id\":\"9\",\"source\":\"tiktok\",\"text\":\"" + "x".repeat(101) + "\"}")).isEqualTo("oversized");
        assertThat(reason("{\"id\":\"9\",\"source\":\"tiktok\",\"text\":\"x\",\"posted_at\":\"yesterday\"}"))
                .isEqualTo("schema_violation");
    }

    private String reason(String json) {
        return ((FlagChecks.Invalid) checks.check(flag(json), tiktok)).reason();
    }

    private static ObjectNode flag(String json) {
        return (ObjectNode) PipelineJson.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static final class PipelineJson {
        static com.fasterxml.jackson.databind.JsonNode read(byte[] bytes) {
            try {
                return Json.mapper().readTree(bytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
