package org.lurewatch.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Optional;
import org.lurewatch.kafka.Topics;

/**
 * The committed schemas of {@code topology/schemas/} (draft 2020-12), read from the classpath copy the build makes,
 * and which one governs a topic. Their {@code $id}s live under {@link #BASE}; relative {@code $ref}s between them
 * (to {@code common.schema.json}) resolve to the same directory.
 */
public final class TopicSchemas {
    static final String BASE = "https://schemas.lurewatch.org/topology/";

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:topology/schemas/")));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Topics topics;

    public TopicSchemas(Topics topics) {
        this.topics = topics;
    }

    /** A schema by file name, such as {@code posts.scored.schema.json}. */
    public JsonSchema schema(String file) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(BASE + file), config);
        schema.initializeValidators();
        return schema;
    }

    /** The schema file of a topic's values, if the topic is a contract topic. */
    public Optional<String> fileFor(String topic) {
        // The boundary topics name their schema where their serdes are (BoundaryTopics); the rest are families.
        for (TypedTopic<String, ?> typed : BoundaryTopics.of(topics).all()) {
            if (typed.name().equals(topic)) {
                return typed.schema();
            }
        }
        if (topic.startsWith(topics.hotlineAlertPrefix())) {
            return Optional.of("alerts.hotline.schema.json");
        } else if (topic.startsWith(topics.partnerAlertPrefix())) {
            return Optional.of("alerts.partner.schema.json");
        } else if (topics.hotlineOfFeedback(topic).isPresent()) {
            return Optional.of("verdict.schema.json");
        } else if (topic.equals(topics.modelsShadow())) {
            return Optional.of("models.shadow.schema.json");
        }
        return Optional.empty();
    }

    /** What is wrong with a value, one line each; empty when it conforms. */
    public List<String> problems(String file, JsonNode value) {
        return schema(file).validate(value).stream().map(ValidationMessage::toString).sorted().toList();
    }
}
