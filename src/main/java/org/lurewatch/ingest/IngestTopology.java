package org.lurewatch.ingest;

import java.util.regex.Pattern;
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
                .stream(feeds(topics), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("ingest-feeds"))
                .processValues(() -> new ReadEnvelope(reader, events), Named.as("ingest-read-envelope"));
        return DeadLetterSplit.values(outcomes, "ingest", topics.deadLetter(), events)
                .selectKey((rawKey, ingested) -> ingested.key(), Named.as("ingest-key-by-post"));
    }

    /**
     * The job-ad and social feeds, the shared flags topic and every partner's own {@code partner-flags.<partner>}
     * (which the flag API writes): one pattern, so a partner's topic is read as soon as it exists and a missing one
     * stops nothing.
     */
    static Pattern feeds(Topics topics) {
        return Pattern.compile(literal(topics.jobAds()) + "|" + literal(topics.social()) + "|"
                + literal(topics.partnerFlags()) + "(\\.[a-z0-9][a-z0-9-]{0,48})?");
    }

    /** A topic name in a pattern: Kafka allows only letters, digits, '.', '_' and '-', of which only '.' is special. */
    private static String literal(String topic) {
        if (!topic.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("'" + topic + "' is not a Kafka topic name");
        }
        return topic.replace(".", "\\.");
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
