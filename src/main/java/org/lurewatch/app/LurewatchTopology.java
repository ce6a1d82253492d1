package org.lurewatch.app;

import java.util.function.Supplier;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.lurewatch.alert.AlertTopology;
import org.lurewatch.alert.Routes;
import org.lurewatch.assess.Assessor;
import org.lurewatch.feedback.FeedbackTopology;
import org.lurewatch.ingest.EnvelopeReader;
import org.lurewatch.ingest.Ingested;
import org.lurewatch.ingest.IngestTopology;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.PipelineEvents;

/**
 * Wires the topologies of DESIGN.md into one Kafka Streams topology. {@code main} and the tests both call
 * {@link #build}, so what is tested is what runs.
 */
public final class LurewatchTopology {
    private LurewatchTopology() {
    }

    public static Topology build(Topics topics, Routes routes, int maxTextChars, Supplier<Assessor> assessors,
                                 PipelineEvents events) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Ingested> posts =
                new IngestTopology(topics, new EnvelopeReader(maxTextChars), events).build(builder);
        new AssessTopology(topics, assessors, events).build(posts);
        new AlertTopology(topics, routes, events).build(builder);
        new FeedbackTopology(topics, events).build(builder);
        return builder.build();
    }
}
