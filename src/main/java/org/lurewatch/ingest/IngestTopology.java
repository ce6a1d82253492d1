package org.lurewatch.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Topology 1: reads the raw feeds and every partner's flags topic ({@code partner-flags.<partner>}) as bytes (so
 * nothing can fail to deserialize), validates each record against the envelope schema, takes a flag's partner from
 * the topic it arrived on ({@link FlagOrigin}), and keys good posts by {@code source:id}. Anything unreadable goes
 * to the dead-letter topic with its original bytes.
 */
public final class IngestTopology {
    private final Topics topics;
    private final Map<String, String> partnerByTopic = new LinkedHashMap<>();
    private final EnvelopeReader reader;
    private final PipelineEvents events;

    /** @param partnerIds the partners of the routes: ingest reads each one's flags topic */
    public IngestTopology(Topics topics, Collection<String> partnerIds, EnvelopeReader reader, PipelineEvents events) {
        this.topics = topics;
        partnerIds.forEach(id -> partnerByTopic.put(topics.partnerFlags(id), id));
        this.reader = reader;
        this.events = events;
    }

    /** Adds the ingest steps to {@code builder} and returns the stream of accepted posts. */
    public KStream<String, Ingested> build(StreamsBuilder builder) {
        List<String> sources = new ArrayList<>(List.of(topics.jobAds(), topics.social()));
        sources.addAll(partnerByTopic.keySet());
        FlagOrigin origin = new FlagOrigin(partnerByTopic);
        KStream<byte[], Outcome<Ingested>> outcomes = builder
                .stream(sources, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("ingest-feeds"))
                .processValues(() -> new ReadEnvelope(reader, origin, events), Named.as("ingest-read-envelope"));
        return DeadLetterSplit.values(outcomes, "ingest", topics.deadLetter(), events)
                .selectKey((rawKey, ingested) -> ingested.key(), Named.as("ingest-key-by-post"));
    }

    private static final class ReadEnvelope implements FixedKeyProcessor<byte[], byte[], Outcome<Ingested>> {
        private final EnvelopeReader reader;
        private final FlagOrigin origin;
        private final PipelineEvents events;
        private FixedKeyProcessorContext<byte[], Outcome<Ingested>> context;

        ReadEnvelope(EnvelopeReader reader, FlagOrigin origin, PipelineEvents events) {
            this.reader = reader;
            this.origin = origin;
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
            if (result instanceof ReadResult.Accepted accepted) {
                result = origin.attribute(accepted, source.topic());
            }
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
