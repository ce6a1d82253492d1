package org.lurewatch.alert;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.lurewatch.assess.ScoredPost;
import org.lurewatch.kafka.JsonSerde;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.PipelineEvents;

/**
 * Topology 4: reads scored posts and sends each alert-worthy one to the topics of the hotlines and partners the
 * routes select, as CloudEvents.
 */
public final class AlertTopology {
    private final Topics topics;
    private final AlertRouter router;
    private final PipelineEvents events;

    public AlertTopology(Topics topics, Routes routes, PipelineEvents events) {
        this.topics = topics;
        this.router = new AlertRouter(routes, topics);
        this.events = events;
    }

    public void build(StreamsBuilder builder) {
        builder.stream(topics.scored(), Consumed.with(Serdes.String(), JsonSerde.of(ScoredPost.class))
                        .withName("alert-scored-posts"))
                .process(() -> new RouteAlerts(router, events), Named.as("alert-route"))
                .to(new DestinationTopic(), Produced.with(Serdes.String(), RoutedAlert.SERDE).withName("alert-sink"));
    }

    /** Each alert names its own topic; a named class so the committed topology description is stable. */
    private static final class DestinationTopic implements TopicNameExtractor<String, RoutedAlert> {
        @Override
        public String extract(String key, RoutedAlert alert, RecordContext context) {
            return alert.destination().topic();
        }

        @Override
        public String toString() {
            return "alert destination topic";
        }
    }
}
