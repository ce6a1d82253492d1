package org.lurewatch.ingest;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/** Builds the dead-letter records that the Kafka Streams exception handlers hand back to Streams. */
final class DeadLetterRecords {
    /** The Streams config key under which the app passes the dead-letter topic to its handlers. */
    static final String TOPIC_CONFIG = "lurewatch.deadletter.topic";

    private DeadLetterRecords() {
    }

    static String topic(Map<String, ?> configs) {
        Object topic = configs.get(TOPIC_CONFIG);
        if (topic == null) {
            throw new IllegalStateException(TOPIC_CONFIG + " must be set for the dead-letter exception handlers");
        }
        return topic.toString();
    }

    static List<ProducerRecord<byte[], byte[]>> of(String deadLetterTopic, ErrorHandlerContext context,
                                                    DeadLetterReason reason, Exception exception) {
        DeadLetter letter = new DeadLetter(reason, exception.getClass().getSimpleName() + ": " + exception.getMessage(),
                String.valueOf(context.topic()), context.partition(), context.offset(), context.sourceRawKey(),
                context.sourceRawValue());
        Headers headers = DeadLetterHeaders.of(context.headers(), letter);
        return List.of(new ProducerRecord<>(deadLetterTopic, null, null, letter.originalKey(), letter.originalValue(), headers));
    }
}
