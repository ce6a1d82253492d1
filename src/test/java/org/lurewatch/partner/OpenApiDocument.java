package org.lurewatch.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.lurewatch.kafka.Json;

/**
 * The served OpenAPI document, for tests that hold the implementation to it: its operations, and JSON Schema
 * 2020-12 validation (the dialect OpenAPI 3.1 uses) of a value against a component schema or a response.
 */
final class OpenApiDocument {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private final JsonNode document;

    private OpenApiDocument(JsonNode document) {
        this.document = document;
    }

    static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(PartnerApiModule.OPENAPI_RESOURCE)) {
            return new OpenApiDocument(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpenApiDocument of(String json) {
        try {
            return new OpenApiDocument(Json.mapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode root() {
        return document;
    }

    /** {@code "POST /v1/flags"}, ... for every path and method. */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    /** Problems with {@code value} against {@code #/components/schemas/<name>}; empty when it conforms. */
    Set<String> validate(String schemaName, JsonNode value) {
        assertThat(document.at("/components/schemas/" + schemaName).isMissingNode()).as("schema " + schemaName).isFalse();
        return validateAgainst(Json.mapper().createObjectNode().put("$ref", "#/components/schemas/" + schemaName), value);
    }

    /** Problems with a response body against what the document says {@code method path} answers with {@code status}. */
    Set<String> validateResponse(String method, String path, int status, String contentType, JsonNode body) {
        JsonNode response = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT)).path("responses")
                .path(Integer.toString(status));
        assertThat(response.isMissingNode()).as("%s %s documents a %d answer", method, path, status).isFalse();
        String mediaType = contentType.split(";")[0].trim();
        JsonNode schema = response.path("content").path(mediaType).path("schema");
        assertThat(schema.isMissingNode()).as("%s %s %d documents %s", method, path, status, mediaType).isFalse();
        return validateAgainst(schema.deepCopy(), body);
    }

    /** Every {@code $ref} in the document, and whether it resolves. */
    List<String> unresolvedReferences() {
        List<String> unresolved = new ArrayList<>();
        collectRefs(document, unresolved);
        return unresolved;
    }

    private void collectRefs(JsonNode node, List<String> unresolved) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && (!ref.asText().startsWith("#/") || document.at(ref.asText().substring(1)).isMissingNode())) {
                unresolved.add(ref.asText());
            }
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                collectRefs(children.next(), unresolved);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, unresolved));
        }
    }

    private Set<String> validateAgainst(ObjectNode schema, JsonNode value) {
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.set("components", document.get("components"));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        Set<ValidationMessage> messages = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schema, config).validate(value);
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The property names of a component schema. */
    Set<String> properties(String schemaName) {
        Set<String> names = new TreeSet<>();
        document.at("/components/schemas/" + schemaName + "/properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
