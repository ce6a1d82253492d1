package org.lurewatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.lurewatch.ingest.ReadResult.Accepted;
import org.lurewatch.ingest.ReadResult.Rejected;
import org.lurewatch.kafka.Json;

/**
 * Turns the raw bytes of a feed record into a {@link Post}, or says exactly why it cannot.
 * Validates against the versioned schema {@code topology/envelope-v1.schema.json}. Thread-safe.
 */
public final class EnvelopeReader {
    public static final String SCHEMA_RESOURCE = "/topology/envelope-v1.schema.json";

    private final JsonSchema schema;
    private final int maxTextChars;

    public EnvelopeReader(int maxTextChars) {
        this.schema = loadSchema();
        this.maxTextChars = maxTextChars;
    }

    public ReadResult read(byte[] value) {
        if (value == null || value.length == 0) {
            return new Rejected(DeadLetterReason.EMPTY, "record has no value");
        }
        // Text limit in characters is at most the byte length, so this only rejects what is surely too big
        // before we spend time parsing it.
        if (value.length > maxTextChars * 4L + 64 * 1024) {
            return new Rejected(DeadLetterReason.OVERSIZED, "record is " + value.length + " bytes");
        }
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            return new Rejected(DeadLetterReason.INVALID_UTF8, "value is not valid UTF-8: " + e.getMessage());
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return new Rejected(DeadLetterReason.NOT_JSON, "not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return new Rejected(DeadLetterReason.NOT_JSON, "not a JSON object");
        }
        Set<ValidationMessage> violations = schema.validate(node);
        if (!violations.isEmpty()) {
            return new Rejected(DeadLetterReason.SCHEMA_VIOLATION, violations.stream()
                    .map(ValidationMessage::getMessage).sorted().limit(5).collect(Collectors.joining("; ")));
        }
        String text = node.get("text").asText();
        if (text.isBlank()) {
            return new Rejected(DeadLetterReason.SCHEMA_VIOLATION, "$.text: must not be blank");
        }
        if (text.length() > maxTextChars) {
            return new Rejected(DeadLetterReason.OVERSIZED,
                    "text is " + text.length() + " characters, the limit is " + maxTextChars);
        }
        Instant postedAt;
        try {
            postedAt = optional(node, "posted_at") == null ? null : Instant.parse(optional(node, "posted_at"));
        } catch (DateTimeParseException e) {
            return new Rejected(DeadLetterReason.SCHEMA_VIOLATION, "$.posted_at: not an ISO-8601 instant");
        }
        return new Accepted(new Post(
                node.get("id").asText(),
                node.get("source").asText().toLowerCase(Locale.ROOT),
                PostKind.fromWire(node.get("kind").asText()),
                optional(node, "url"),
                optional(node, "author"),
                optional(node, "title"),
                text,
                postedAt,
                optional(node, "lang"),
                optional(node, "country"),
                optional(node, "partner_id"),
                optional(node, "flag_reason")));
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = EnvelopeReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("envelope schema " + SCHEMA_RESOURCE + " is missing from the classpath");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read envelope schema", e);
        }
    }
}
