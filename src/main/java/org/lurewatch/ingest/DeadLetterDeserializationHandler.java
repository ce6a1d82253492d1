package org.lurewatch.ingest;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record on an internal topic that cannot be deserialized (feeds are read as bytes, so this is rare) is
 * logged with its topic, partition and offset and sent to the dead-letter topic; the stream goes on.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetterTopic = DeadLetterRecords.topic(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        LOG.warn("event=dead_letter reason=deserialization_failed topic={} partition={} offset={} error={}",
                record.topic(), record.partition(), record.offset(), exception.getClass().getSimpleName());
        return Response.resume(DeadLetterRecords.of(deadLetterTopic, context, DeadLetterReason.DESERIALIZATION_FAILED, exception));
    }
}
