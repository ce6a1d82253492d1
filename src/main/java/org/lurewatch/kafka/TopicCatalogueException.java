package org.lurewatch.kafka;

import java.util.Optional;

/**
 * The topic catalogue is unreadable or wrong. The message names the file, the topic and the field, so
 * whoever edits {@code topics.yaml} knows where to look.
 */
public final class TopicCatalogueException extends RuntimeException {

    private final String source;
    private final String topic;
    private final String field;

    TopicCatalogueException(String source, String topic, String field, String problem) {
        this(source, topic, field, problem, null);
    }

    TopicCatalogueException(String source, String topic, String field, String problem, Throwable cause) {
        super(message(source, topic, field, problem), cause);
        this.source = source;
        this.topic = topic;
        this.field = field;
    }

    /** The file or resource the catalogue came from. */
    public String source() {
        return source;
    }

    /** The topic at fault (its name, or its position when it has none), if the problem is in one topic. */
    public Optional<String> topic() {
        return Optional.ofNullable(topic);
    }

    /** The field at fault, if the problem is in one field. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    private static String message(String source, String topic, String field, String problem) {
        StringBuilder message = new StringBuilder(source);
        if (topic != null) {
            message.append(": topic ").append(topic);
        }
        if (field != null) {
            message.append(": field '").append(field).append('\'');
        }
        return message.append(": ").append(problem).toString();
    }
}
