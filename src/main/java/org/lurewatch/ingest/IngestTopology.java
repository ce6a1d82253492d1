package org.lurewatch.ingest;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.PipelineEvents;

/**
 * Topology 1: reads the raw feeds as bytes (so nothing can fail to deserialize), validates each record against
 * the envelope schema, and keys good posts by {@code source:id}. Anything unreadable goes to the dead-letter
 * topic with its original bytes.
 */
public final class IngestTopology {
    private final Topics topics;
    private final EnvelopeReader reader;
    private final PipelineEvents events;

    public IngestTopology(Topics topics, EnvelopeReader reader, PipelineEvents events) {
        this.topics = topics;
        this.reader = reader;
        this.events = events;
    }

    /** Adds the ingest steps to {@code builder} and returns the stream of accepted posts. */
    public KStream<String, Ingested> build(StreamsBuilder builder) {
        KStream<byte[], Outcome<Ingested>> outcomes = builder
                .stream(List.of(topics.jobAds(), topics.social(), topics.partnerFlags()),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("ingest-feeds"))
                .processValues(() -> new ReadEnvelope(reader, events), Named.as("ingest-read-envelope"));
        return DeadLetterSplit.values(outcomes, "ingest", topics.deadLetter(), events)
                .selectKey((rawKey, ingested) -> ingested.key(), Named.as("ingest-key-by-post"));
    }

    private static final class ReadEnvelope implements FixedKeyProcessor<byte[], byte[], Outcome<Ingested>> {
        private final EnvelopeReader reader;
        private final PipelineEvents events;
        private FixedKeyProcessorContext<byte[], Outcome<Ingested>> context;

        ReadEnvelope(EnvelopeReader reader, PipelineEvents events) {
            this.reader = reader;
            this.events = events;
        }

        @Override
        public void init(FixedKeyProcessorContext<byte[], Outcome<Ingested>> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<byte[], byte[]> record) {
            RecordMetadata source = context.recordMetadata().orElseThrow();
            ReadResult result = reader.read(record.value());
            Outcome<Ingested> outcome;
            if (result instanceof ReadResult.Accepted accepted) {
                events.postIngested(accepted.post().source(), accepted.post().kind().wireName());
                outcome = Outcome.ok(new Ingested(accepted.post(), source.topic(), source.partition(), source.offset(),
                        record.value()));
            } else {
                ReadResult.Rejected rejected = (ReadResult.Rejected) result;
                outcome = Outcome.failed(new DeadLetter(rejected.reason(), rejected.detail(), source.topic(),
                        source.partition(), source.offset(), record.key(), record.value()));
            }
            context.forward(record.withValue(outcome));
        }
    }
}
