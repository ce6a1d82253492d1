package org.lurewatch.ingest;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last net under every processor: an exception no step caught in a stateless processor sends the source record
 * to the dead-letter topic and the stream goes on. Steps that expect failures (reading, scoring) dead-letter them
 * themselves. A processor that keeps state (named in {@link #STATEFUL_PROCESSORS_CONFIG}) fails loudly instead: its
 * store and the records it should have sent would silently disagree if the record were skipped, so the stream
 * thread stops and the thread failure policy replaces it or shuts the instance down.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    /** Comma-separated names of the processors that keep state; an error there is never skipped. */
    public static final String STATEFUL_PROCESSORS_CONFIG = "lurewatch.stateful.processors";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    private String deadLetterTopic;
    private Set<String> stateful = Set.of();

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetterTopic = DeadLetterRecords.topic(configs);
        Object names = configs.get(STATEFUL_PROCESSORS_CONFIG);
        if (names != null && !names.toString().isBlank()) {
            stateful = Arrays.stream(names.toString().split(",")).map(String::strip).collect(Collectors.toUnmodifiableSet());
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (stateful.contains(context.processorNodeId())) {
            LOG.error("event=stateful_processor_failed processor={} topic={} partition={} offset={} error={}: the record "
                            + "is not skipped, the stream thread stops", context.processorNodeId(), context.topic(),
                    context.partition(), context.offset(), exception.getClass().getSimpleName());
            return Response.fail();
        }
        LOG.warn("event=dead_letter reason=processing_failed processor={} topic={} partition={} offset={} error={}",
                context.processorNodeId(), context.topic(), context.partition(), context.offset(),
                exception.getClass().getSimpleName());
        return Response.resume(DeadLetterRecords.of(deadLetterTopic, context, DeadLetterReason.PROCESSING_FAILED, exception));
    }
}
