package org.lurewatch.app;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.lurewatch.alert.AlertTopology;
import org.lurewatch.alert.Routes;
import org.lurewatch.assess.Assessor;
import org.lurewatch.assess.ScoredPost;
import org.lurewatch.campaign.CampaignSettings;
import org.lurewatch.campaign.CampaignTopology;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.config.TopologyConfig;
import org.lurewatch.feedback.FeedbackTopology;
import org.lurewatch.ingest.EnvelopeReader;
import org.lurewatch.ingest.Ingested;
import org.lurewatch.ingest.IngestTopology;
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

    /** With the default state lifetimes and intervals ({@link TopologyConfig#defaults}). */
    public static Topology build(Topics topics, Routes routes, int maxTextChars, Duration alertUpdateWindow,
                                 Supplier<Assessor> assessors, PipelineEvents events) {
        return build(topics, routes, maxTextChars, alertUpdateWindow, TopologyConfig.defaults(), assessors, events);
    }

    /**
     * @param alertUpdateWindow at most one campaign update per hotline per this much event time
     * @param settings          state lifetimes and sweep and publish intervals ({@code campaign.*}, {@code feedback.*},
     *                          {@code signals.*} keys)
     */
    public static Topology build(Topics topics, Routes routes, int maxTextChars, Duration alertUpdateWindow,
                                 TopologyConfig settings, Supplier<Assessor> assessors, PipelineEvents events) {
        CampaignSettings campaignSettings = new CampaignSettings(settings.campaignTtl(), settings.campaignPendingTtl(),
                settings.campaignPurgeInterval(), settings.campaignPublishInterval());
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Ingested> posts =
                new IngestTopology(topics, routes.partnerIds(), new EnvelopeReader(maxTextChars), events).build(builder);
        // Everything decided about one post (its per-post alerts, its campaign link requests, its feedback facts) is
        // decided in the task that scored it; posts.scored is written for downstream consumers and never read back.
        KStream<String, ScoredPost> scored = new AssessTopology(topics, assessors, events).build(posts);
        CampaignTopology.Outputs campaigns = new CampaignTopology(topics, campaignSettings, events).build(builder, scored);
        new AlertTopology(topics, routes, alertUpdateWindow, events).build(scored, campaigns.changes());
        new FeedbackTopology(topics, routes.hotlineIds(), settings.feedbackFactsTtl(), events)
                .build(builder, scored, campaigns.published());
        new SignalTopology(topics, settings.signalSightingsTtl()).build(builder, scored);
        return builder.build();
    }
}
