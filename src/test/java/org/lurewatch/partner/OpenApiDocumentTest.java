package org.lurewatch.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lurewatch.ingest.EnvelopeReader;
import org.lurewatch.kafka.Json;
import org.lurewatch.signal.Signal;
import org.lurewatch.signal.SignalEvents;
import org.lurewatch.web.Problem;

/** The OpenAPI document says what the code does: the same operations, schemas that the code's own output passes. */
class OpenApiDocumentTest {
    private final OpenApiDocument openApi = OpenApiDocument.load();
    private final Signal signal = new Signal(Signal.idOf("telegram:hr_job88"), "hr_job88", "telegram", Signal.RECRUITMENT,
            Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-30T10:00:00Z"), 75, Signal.ACTIVE, 3,
            Instant.parse("2026-12-01T08:00:00.123Z"));

    @Test
    void shouldBeOpenApi31WithExactlyTheOperationsTheModuleServes() {
        assertThat(openApi.root().path("openapi").asText()).startsWith("3.1.");
        assertThat(openApi.operations()).containsExactlyInAnyOrderElementsOf(PartnerApiModule.OPERATIONS);
        assertThat(openApi.unresolvedReferences()).isEmpty();
        assertThat(openApi.root().at("/components/securitySchemes/apiKey/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void shouldDescribeTheFlagEnvelopeTheIngestSchemaChecks() throws Exception {
        JsonNode envelope;
        try (InputStream in = getClass().getResourceAsStream(EnvelopeReader.SCHEMA_RESOURCE)) {
            envelope = Json.mapper().readTree(in);
        }
        assertThat(openApi.properties("FlagEnvelope")).isEqualTo(OpenApiDocument.fieldNames(envelope.get("properties")));
        for (String field : List.of("id", "source", "url", "author", "title", "text", "posted_at", "lang", "country",
                "flag_reason")) {
            JsonNode documented = openApi.root().at("/components/schemas/FlagEnvelope/properties/" + field);
            JsonNode checked = envelope.at("/properties/" + field);
            for (String keyword : List.of("type", "pattern", "maxLength", "minLength", "format")) {
                assertThat(documented.get(keyword)).as(field + "." + keyword).isEqualTo(checked.get(keyword));
            }
        }
        JsonNode example = openApi.root().at("/paths/~1v1~1flags/post/requestBody/content/application~1json/example");
        assertThat(openApi.validate("FlagEnvelope", example)).isEmpty();
        for (String line : openApi.root().at("/paths/~1v1~1flags/post/requestBody/content/application~1x-ndjson/example")
                .asText().split("\n")) {
            assertThat(openApi.validate("FlagEnvelope", Json.mapper().readTree(line))).as(line).isEmpty();
        }
    }

    @Test
    void shouldDescribeEverySignalFieldAndAcceptWhatTheCodeWrites() {
        JsonNode json = Json.mapper().valueToTree(signal);

        assertThat(openApi.properties("Signal")).isEqualTo(OpenApiDocument.fieldNames(json));
        assertThat(openApi.validate("Signal", json)).isEmpty();
        assertThat(openApi.validate("SignalEvent", Json.mapper().valueToTree(read(SignalEvents.cloudEvent(signal))))).isEmpty();
        assertThat(openApi.validate("Signal", Json.mapper().valueToTree(signal.withUpdatedAt(null)))).as("updated_at is required")
                .isNotEmpty();
    }

    @Test
    void shouldDescribeFlagResultsAndProblems() {
        FlagResult accepted = new FlagResult(0, 1, FlagResult.ACCEPTED, "tiktok:9", "tiktok", "9", null, null);
        FlagResult rejected = new FlagResult(1, 2, FlagResult.REJECTED, null, null, "10", "schema_violation", "$.source: required");

        assertThat(openApi.properties("FlagResult")).containsAll(Set.of("index", "line", "status", "post_key", "source", "id",
                "reason", "detail"));
        assertThat(openApi.validate("FlagResult", Json.mapper().valueToTree(accepted))).isEmpty();
        assertThat(openApi.validate("FlagResult", Json.mapper().valueToTree(rejected))).isEmpty();
        assertThat(openApi.validate("Problem", Json.mapper().valueToTree(Problem.typed("rate-limited", "Too many requests", 429,
                "slow down").with("retry_after_seconds", 3)))).isEmpty();
    }

    private static JsonNode read(byte[] json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
