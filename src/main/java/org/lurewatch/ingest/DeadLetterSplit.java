package org.lurewatch.ingest;

import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.lurewatch.ops.PipelineEvents;

/**
 * Splits a stream of outcomes into its values, which go on, and its failures, which go to the dead-letter
 * topic as the original bytes with the reason and source in headers. A record that fails becomes a dead
 * letter, never a crash and never a silent drop.
 */
public final class DeadLetterSplit {
    private DeadLetterSplit() {
    }

    /**
     * @param name prefix for the branch and processor names ({@code <name>-values}, {@code <name>-errors}, ...)
     */
    public static <K, V> KStream<K, V> values(
            KStream<K, Outcome<V>> outcomes, String name, String deadLetterTopic, PipelineEvents events) {
        Map<String, KStream<K, Outcome<V>>> branches = outcomes.split(Named.as(name + "-split"))
                .branch((key, outcome) -> outcome instanceof Outcome.Failed, Branched.as("-errors"))
                .defaultBranch(Branched.as("-values"));
        branches.get(name + "-split-errors")
                .process(() -> new DeadLetterWriter<K, V>(events), Named.as(name + "-dead-letter"))
                .to(deadLetterTopic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(name + "-dead-letter-sink"));
        return branches.get(name + "-split-values")
                .mapValues(outcome -> ((Outcome.Ok<V>) outcome).value(), Named.as(name + "-unwrap"));
    }

    /** Writes a failure as the original key and value with the dead-letter headers. */
    private static final class DeadLetterWriter<K, V> implements Processor<K, Outcome<V>, byte[], byte[]> {
        private final PipelineEvents events;
        private ProcessorContext<byte[], byte[]> context;

        DeadLetterWriter(PipelineEvents events) {
            this.events = events;
        }

        @Override
        public void init(ProcessorContext<byte[], byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(Record<K, Outcome<V>> record) {
            DeadLetter letter = ((Outcome.Failed<V>) record.value()).letter();
            events.deadLettered(letter.reason().wireName(), letter.sourceTopic(), letter.sourcePartition(),
                    letter.sourceOffset());
            context.forward(new Record<>(letter.originalKey(), letter.originalValue(), record.timestamp(),
                    DeadLetterHeaders.of(record.headers(), letter)));
        }
    }
}
