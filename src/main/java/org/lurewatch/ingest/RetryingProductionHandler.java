package org.lurewatch.ingest;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries only what is retriable; a record too large to write is dead-lettered as its source record; anything
 * else stops the task, because losing an alert silently is worse than stopping loudly.
 */
public final class RetryingProductionHandler implements ProductionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingProductionHandler.class);
    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetterTopic = DeadLetterRecords.topic(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            LOG.warn("event=production_retry topic={} error={}", record.topic(), exception.getClass().getSimpleName());
            return Response.retry();
        }
        if (exception instanceof RecordTooLargeException && !deadLetterTopic.equals(record.topic())) {
            LOG.warn("event=dead_letter reason=production_failed topic={} source_topic={} partition={} offset={}",
                    record.topic(), context.topic(), context.partition(), context.offset());
            return Response.resume(DeadLetterRecords.of(deadLetterTopic, context, DeadLetterReason.PRODUCTION_FAILED, exception));
        }
        LOG.error("event=production_failed topic={} error={}", record.topic(), exception.toString());
        return Response.fail();
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        LOG.warn("event=dead_letter reason=production_failed origin={} topic={} source_topic={} partition={} offset={}",
                origin, record.topic(), context.topic(), context.partition(), context.offset());
        return Response.resume(DeadLetterRecords.of(deadLetterTopic, context, DeadLetterReason.PRODUCTION_FAILED, exception));
    }
}
