package org.lurewatch.signal;

import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.lurewatch.contract.BoundaryTopics;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.Contact;
import org.lurewatch.assess.ScoredPost;
import org.lurewatch.feedback.LabelledVerdict;
import org.lurewatch.kafka.JsonSerde;
import org.lurewatch.kafka.Topics;

/**
 * The signals step: turns hotline verdicts into signals every partner can use, from two things the pipeline already
 * keeps, without touching how feedback works:
 * <ul>
 *   <li>{@code posts.scored}: each lure, job-scam or distress post's contacts, as sightings (the category and the time
 *       only; nothing of the post travels further);</li>
 *   <li>{@code feedback.labelled}, the feedback step's output: each resolved verdict with the contacts it applied to.</li>
 * </ul>
 * Both are keyed by contact (two repartition topics with the same partition count), and one processor keeps what it
 * knows of each contact in {@value #CONTACT_STORE}. A contact whose latest verdict is {@code confirmed} and that was
 * never seen in a distress post is published to the compacted {@code signals} topic; when a false positive, an
 * expiry or a distress sighting follows, it is published again as {@code withdrawn}, so every reader learns it.
 */
public final class SignalTopology {
    /** Contact key to {@link ContactState}. */
    public static final String CONTACT_STORE = "signal-contacts";
    /** Partitions of both repartition topics; they must agree. One lookup per record: three tasks are plenty. */
    public static final int CONTACT_PARTITIONS = 3;
    private static final Serde<String> KEYS = Serdes.String();
    private static final Set<Category> SIGHTED = Set.of(Category.LURE, Category.JOB_SCAM, Category.DISTRESS);

    private final Topics topics;
    private final java.time.Duration sightingsTtl;

    /** @param sightingsTtl a contact no verdict names is forgotten this long after its last sighting */
    public SignalTopology(Topics topics, java.time.Duration sightingsTtl) {
        this.topics = topics;
        this.sightingsTtl = sightingsTtl;
    }

    public void build(StreamsBuilder builder, KStream<String, ScoredPost> scored) {
        BoundaryTopics boundary = BoundaryTopics.of(topics);
        KStream<String, SignalEvent> sightings = byContact(scored
                .flatMap((postKey, post) -> sightings(post), Named.as("signal-sightings")), "signal-sightings");
        KStream<String, SignalEvent> verdicts = byContact(builder
                .stream(boundary.labelled().name(), boundary.labelled().consumed("signal-verdicts-source"))
                .flatMap((subject, verdict) -> verdicts(verdict), Named.as("signal-verdicts")), "signal-verdicts");
        sightings
                .merge(verdicts, Named.as("signal-merge"))
                .process(new TrackSupplier(), Named.as("signal-track"))
                .to(boundary.signals().name(), boundary.signals().produced("signal-sink"));
    }

    private static KStream<String, SignalEvent> byContact(KStream<String, SignalEvent> events, String name) {
        return events.repartition(Repartitioned.<String, SignalEvent>as(name + "-by-contact")
                .withKeySerde(KEYS).withValueSerde(JsonSerde.of(SignalEvent.class))
                .withNumberOfPartitions(CONTACT_PARTITIONS));
    }

    /** A sighting per distinct contact of a lure, job-scam or distress post; benign posts say nothing. */
    private static List<KeyValue<String, SignalEvent>> sightings(ScoredPost post) {
        if (post == null || !SIGHTED.contains(post.assessment().category())) {
            return List.of();
        }
        Category category = post.assessment().category();
        return post.assessment().contacts().stream().map(Contact::key).distinct()
                .map(contact -> KeyValue.pair(contact, SignalEvent.sighting(category, null))).toList();
    }

    private static List<KeyValue<String, SignalEvent>> verdicts(LabelledVerdict verdict) {
        if (verdict == null) {
            return List.of();
        }
        return verdict.contacts().stream().distinct()
                .map(contact -> KeyValue.pair(contact, SignalEvent.verdict(verdict.verdict(), verdict.hotline(), verdict.at())))
                .toList();
    }

    private final class TrackSupplier implements ProcessorSupplier<String, SignalEvent, String, Signal> {
        @Override
        public Processor<String, SignalEvent, String, Signal> get() {
            return new TrackContacts(sightingsTtl);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CONTACT_STORE), KEYS,
                    JsonSerde.of(ContactState.class)));
        }
    }
}
