package org.lurewatch.feedback;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.lurewatch.ingest.DeadLetter;
import org.lurewatch.ingest.DeadLetterReason;
import org.lurewatch.ingest.DeadLetterSplit;
import org.lurewatch.ingest.Outcome;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.JsonSerde;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.PipelineEvents;

/**
 * Topology 5: reads analyst verdicts, dead-letters unreadable ones, and keeps the latest verdict per contact in
 * the {@value #WATCHLIST_STORE} store and the compacted {@code watchlist} topic.
 */
public final class FeedbackTopology {
    public static final String WATCHLIST_STORE = "watchlist-store";

    private final Topics topics;
    private final PipelineEvents events;

    public FeedbackTopology(Topics topics, PipelineEvents events) {
        this.topics = topics;
        this.events = events;
    }

    public void build(StreamsBuilder builder) {
        KStream<byte[], Outcome<Feedback>> outcomes = builder
                .stream(topics.feedback(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("feedback-source"))
                .processValues(ReadFeedback::new, Named.as("feedback-read"));
        KStream<String, WatchlistEntry> entries = DeadLetterSplit.values(outcomes, "feedback", topics.deadLetter(), events)
                .flatMap((key, feedback) -> entries(feedback), Named.as("feedback-per-contact"));
        entries.toTable(Named.as("feedback-watchlist"),
                Materialized.<String, WatchlistEntry, org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as(WATCHLIST_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(JsonSerde.of(WatchlistEntry.class)))
                .toStream(Named.as("feedback-watchlist-changes"))
                .to(topics.watchlist(), Produced.with(Serdes.String(), JsonSerde.of(WatchlistEntry.class))
                        .withName("feedback-watchlist-sink"));
    }

    private static List<KeyValue<String, WatchlistEntry>> entries(Feedback feedback) {
        List<KeyValue<String, WatchlistEntry>> entries = new ArrayList<>();
        for (String contact : feedback.contacts()) {
            entries.add(KeyValue.pair(contact, new WatchlistEntry(contact, feedback.verdict(), feedback.hotline(), feedback.at())));
        }
        return entries;
    }

    private static final class ReadFeedback implements FixedKeyProcessor<byte[], byte[], Outcome<Feedback>> {
        private FixedKeyProcessorContext<byte[], Outcome<Feedback>> context;

        @Override
        public void init(FixedKeyProcessorContext<byte[], Outcome<Feedback>> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<byte[], byte[]> record) {
            Outcome<Feedback> outcome;
            try {
                if (record.value() == null) {
                    throw new IOException("record has no value");
                }
                outcome = Outcome.ok(Json.mapper().readValue(record.value(), Feedback.class));
            } catch (IOException | IllegalArgumentException e) {
                RecordMetadata source = context.recordMetadata().orElseThrow();
                outcome = Outcome.failed(new DeadLetter(DeadLetterReason.SCHEMA_VIOLATION,
                        "unreadable feedback: " + e.getMessage(), source.topic(), source.partition(), source.offset(),
                        record.key(), record.value()));
            }
            context.forward(record.withValue(outcome));
        }
    }
}
