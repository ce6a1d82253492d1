package org.lurewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterProcessingHandlerTest {
    private final DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();

    @Test
    void shouldFailLoudlyInAStatefulProcessorAndDeadLetterElsewhere() {
        handler.configure(Map.of("lurewatch.deadletter.topic", "deadletter",
                DeadLetterProcessingHandler.STATEFUL_PROCESSORS_CONFIG, "campaign-keeper,alert-route-campaigns"));

        assertThat(handle("campaign-keeper").result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        ProcessingExceptionHandler.Response stateless = handle("assess-score");
        assertThat(stateless.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(stateless.deadLetterQueueRecords()).singleElement()
                .satisfies(record -> assertThat(record.topic()).isEqualTo("deadletter"));
    }

    private ProcessingExceptionHandler.Response handle(String processor) {
        return handler.handleError(context(processor), new Record<>("k", "v", 0L), new IllegalStateException("boom"));
    }

    private static ErrorHandlerContext context(String processor) {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return "posts.scored";
            }

            @Override
            public int partition() {
                return 0;
            }

            @Override
            public long offset() {
                return 7;
            }

            @Override
            public org.apache.kafka.common.header.Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return processor;
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 0);
            }

            @Override
            public long timestamp() {
                return 0;
            }

            @Override
            public byte[] sourceRawKey() {
                return null;
            }

            @Override
            public byte[] sourceRawValue() {
                return new byte[] {1};
            }
        };
    }
}
