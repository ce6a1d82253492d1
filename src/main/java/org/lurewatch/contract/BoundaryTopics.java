package org.lurewatch.contract;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.lurewatch.assess.ScoredPost;
import org.lurewatch.campaign.Campaign;
import org.lurewatch.feedback.LabelledVerdict;
import org.lurewatch.feedback.WatchlistEntry;
import org.lurewatch.kafka.JsonSerde;
import org.lurewatch.kafka.Topics;
import org.lurewatch.signal.Signal;

/**
 * The JSON topics the topology writes for others (or for itself, in the watchlist's case), typed in one place:
 * keys are strings, values snake_case JSON of the record named here, checked against the schema named here by
 * {@code TopicSchemasTest}. The raw feeds and the dead letters are bytes, the internal and repartition topics Avro
 * (their serdes live with the step that owns them), and the alert topics CloudEvents built by the alert step.
 */
public record BoundaryTopics(
        TypedTopic<String, ScoredPost> scored,
        TypedTopic<String, Campaign> campaigns,
        TypedTopic<String, WatchlistEntry> watchlist,
        TypedTopic<String, LabelledVerdict> labelled,
        TypedTopic<String, Signal> signals) {
    private static final Serde<String> KEYS = Serdes.String();

    /** The boundary topics under the names of {@code topics}. */
    public static BoundaryTopics of(Topics topics) {
        return new BoundaryTopics(
                json(topics.scored(), ScoredPost.class, "posts.scored.schema.json"),
                json(topics.campaigns(), Campaign.class, "campaigns.schema.json"),
                // Written and read by the app alone (feedback writes it, every assess task reads it back): no schema.
                new TypedTopic<>(topics.watchlist(), KEYS, JsonSerde.of(WatchlistEntry.class), Optional.empty()),
                json(topics.labelled(), LabelledVerdict.class, "feedback.labelled.schema.json"),
                json(topics.signals(), Signal.class, "signals.schema.json"));
    }

    /** Every one of them, in the order of the record. */
    public List<TypedTopic<String, ?>> all() {
        return List.of(scored, campaigns, watchlist, labelled, signals);
    }

    private static <V> TypedTopic<String, V> json(String name, Class<V> type, String schema) {
        return new TypedTopic<>(name, KEYS, JsonSerde.of(type), Optional.of(schema));
    }
}
