package org.lurewatch.ingest;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last net under every processor: an exception no step caught sends the source record to the dead-letter
 * topic and the stream goes on. Steps that expect failures (reading, scoring) dead-letter them themselves.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetterTopic = DeadLetterRecords.topic(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        LOG.warn("event=dead_letter reason=processing_failed processor={} topic={} partition={} offset={} error={}",
                context.processorNodeId(), context.topic(), context.partition(), context.offset(),
                exception.getClass().getSimpleName());
        return Response.resume(DeadLetterRecords.of(deadLetterTopic, context, DeadLetterReason.PROCESSING_FAILED, exception));
    }
}
