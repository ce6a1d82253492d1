package org.lurewatch.app;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.lurewatch.alert.AlertTopology;
import org.lurewatch.alert.Routes;
import org.lurewatch.assess.Assessor;
import org.lurewatch.assess.ScoredPost;
import org.lurewatch.campaign.Campaign;
import org.lurewatch.campaign.CampaignSettings;
import org.lurewatch.campaign.CampaignTopology;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.feedback.FeedbackTopology;
import org.lurewatch.ingest.EnvelopeReader;
import org.lurewatch.ingest.Ingested;
import org.lurewatch.ingest.IngestTopology;
import org.lurewatch.kafka.JsonSerde;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.PipelineEvents;
import org.lurewatch.signal.SignalTopology;

/**
 * Wires the topologies of DESIGN.md into one Kafka Streams topology. {@code main} and the tests both call
 * {@link #build}, so what is tested is what runs.
 */
public final class LurewatchTopology {
    private LurewatchTopology() {
    }

    /** With the default campaign update window ({@code alert.update.window.minutes}). */
    public static Topology build(Topics topics, Routes routes, int maxTextChars, Supplier<Assessor> assessors,
                                 PipelineEvents events) {
        return build(topics, routes, maxTextChars, LurewatchConfig.defaults().alertUpdateWindow(), assessors, events);
    }

    /**
     * @param alertUpdateWindow at most one campaign update per hotline per this much event time
     */
    public static Topology build(Topics topics, Routes routes, int maxTextChars, Duration alertUpdateWindow,
                                 Supplier<Assessor> assessors, PipelineEvents events) {
        CampaignSettings campaignSettings = CampaignSettings.defaults();
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Ingested> posts =
                new IngestTopology(topics, new EnvelopeReader(maxTextChars), events).build(builder);
        new AssessTopology(topics, assessors, events).build(posts);
        // posts.scored is read once: a topic can be the source of only one node in a topology.
        KStream<String, ScoredPost> scored = builder.stream(topics.scored(),
                Consumed.with(Serdes.String(), JsonSerde.of(ScoredPost.class)).withName("scored-source"));
        KStream<String, Campaign> campaigns = new CampaignTopology(topics, campaignSettings).build(builder, scored);
        new AlertTopology(topics, routes, alertUpdateWindow, events).build(scored, campaigns);
        new FeedbackTopology(topics, events).build(builder, scored, campaigns);
        new SignalTopology(topics).build(builder, scored);
        return builder.build();
    }
}
