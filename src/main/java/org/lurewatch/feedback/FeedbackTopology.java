package org.lurewatch.feedback;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.lurewatch.contract.BoundaryTopics;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.Contact;
import org.lurewatch.assess.ScoredPost;
import org.lurewatch.campaign.Campaign;
import org.lurewatch.campaign.PostRef;
import org.lurewatch.ingest.DeadLetter;
import org.lurewatch.ingest.DeadLetterReason;
import org.lurewatch.ingest.DeadLetterSplit;
import org.lurewatch.ingest.Outcome;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.TimeIndex;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.PipelineEvents;

/**
 * Topology 5: reads analyst verdicts from every hotline's verdicts topic ({@code feedback.hotline.<hotline>}, one
 * per hotline in the routes; the hotline is the topic's, never a payload field), dead-lettering unreadable ones, on
 * a post or a campaign, and
 * <ul>
 *   <li>applies each to the contacts it covers (a post's or a campaign's, kept in {@value #SUBJECT_STORE}
 *       from the lure posts and campaigns that pass), writing the compacted {@code watchlist} topic: the
 *       latest verdict per contact, a tombstone for {@code expired};</li>
 *   <li>keeps it as labelled data on {@code feedback.labelled} for the next training run, with the text of the
 *       lure or job-scam post it judges (kept in {@value #SUBJECT_STORE} for {@code feedback.facts.ttl.days}, 90 by default);</li>
 *   <li>reads the watchlist back as a global table, {@value #WATCHLIST_STORE}, which every assess task looks
 *       contacts up in.</li>
 * </ul>
 */
public final class FeedbackTopology {
    public static final String WATCHLIST_STORE = "watchlist-store";
    public static final String SUBJECT_STORE = "feedback-subject-facts";
    public static final String SUBJECT_EXPIRY_STORE = "feedback-subject-facts-expiry";
    /**
     * Partitions of the three subject repartition topics. Fixed, because they must agree with each other;
     * resolving verdicts is one store lookup per record, so three tasks are plenty.
     */
    public static final int SUBJECT_PARTITIONS = 3;

    private static final Serde<String> KEYS = Serdes.String();

    private final Topics topics;
    private final List<String> hotlines;
    private final PipelineEvents events;
    private final java.time.Duration factsTtl;

    /**
     * @param hotlines the hotline ids of the routes: one verdicts topic each is read, and a verdict counts only for
     *                 the hotline whose topic it came on
     * @param factsTtl how long what a verdict may judge is kept ({@code feedback.facts.ttl.days})
     */
    public FeedbackTopology(Topics topics, Collection<String> hotlines, java.time.Duration factsTtl, PipelineEvents events) {
        this.topics = topics;
        this.hotlines = List.copyOf(hotlines);
        this.events = events;
        this.factsTtl = factsTtl;
        if (this.hotlines.isEmpty()) {
            throw new IllegalArgumentException("the routes declare no hotline, so no verdict topic can be read");
        }
    }

    public void build(StreamsBuilder builder, KStream<String, ScoredPost> scored, KStream<String, Campaign> campaigns) {
        BoundaryTopics boundary = BoundaryTopics.of(topics);
        KStream<byte[], Outcome<Feedback>> outcomes = builder
                .stream(topics.hotlineFeedbackNames(hotlines),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("feedback-source"))
                .processValues(() -> new ReadFeedback(topics, Set.copyOf(hotlines)), Named.as("feedback-read"));
        KStream<String, SubjectEvent> verdicts = bySubject(DeadLetterSplit
                .values(outcomes, "feedback", topics.deadLetter(), events)
                .map((key, feedback) -> KeyValue.pair(Subjects.of(feedback), SubjectEvent.of(feedback)),
                        Named.as("feedback-key-by-subject")), "feedback-verdicts");
        KStream<String, SubjectEvent> postFacts = bySubject(scored
                .flatMap((postKey, post) -> postFacts(postKey, post), Named.as("feedback-post-facts")), "feedback-post-facts");
        KStream<String, SubjectEvent> campaignFacts = bySubject(campaigns
                .flatMap((id, campaign) -> campaignFacts(id, campaign), Named.as("feedback-campaign-facts")),
                "feedback-campaign-facts");

        Map<String, KStream<String, VerdictOutput>> outputs = verdicts
                .merge(postFacts, Named.as("feedback-merge-post-facts"))
                .merge(campaignFacts, Named.as("feedback-merge-campaign-facts"))
                .process(new ResolveVerdictsSupplier(), Named.as("feedback-resolve"))
                .split(Named.as("feedback-output"))
                .branch((key, output) -> output instanceof VerdictOutput.Watch, Branched.as("-watchlist"))
                .defaultBranch(Branched.as("-labelled"));
        outputs.get("feedback-output-watchlist")
                .mapValues(output -> ((VerdictOutput.Watch) output).entry(), Named.as("feedback-watchlist-changes"))
                .to(boundary.watchlist().name(), boundary.watchlist().produced("feedback-watchlist-sink"));
        outputs.get("feedback-output-labelled")
                .mapValues(output -> ((VerdictOutput.Label) output).verdict(), Named.as("feedback-labelled"))
                .to(boundary.labelled().name(), boundary.labelled().produced("feedback-labelled-sink"));

        builder.globalTable(boundary.watchlist().name(), boundary.watchlist().consumed("watchlist-global-source"),
                Materialized.<String, WatchlistEntry, KeyValueStore<Bytes, byte[]>>as(WATCHLIST_STORE)
                        .withKeySerde(boundary.watchlist().keySerde()).withValueSerde(boundary.watchlist().valueSerde()));
    }

    /**
     * Verdicts, post facts and campaign facts come from three sub-topologies whose input topics have different
     * partition counts (feedback has one). Each goes through its own repartition topic with the same, fixed
     * number of partitions, so the facts and the verdicts about one subject always meet in one task.
     */
    private static KStream<String, SubjectEvent> bySubject(KStream<String, SubjectEvent> events, String name) {
        return events.repartition(Repartitioned.<String, SubjectEvent>as(name + "-by-subject")
                .withKeySerde(KEYS).withValueSerde(FeedbackRecords.SUBJECT_EVENTS)
                .withNumberOfPartitions(SUBJECT_PARTITIONS));
    }

    /**
     * A lure post's contacts, and a lure's or job scam's text, for a later verdict on it: the verdict watchlists those
     * contacts and becomes a training example with that text. A job scam's contacts are not kept (job scams never
     * reach a hotline's watchlist), and distress and benign posts are never kept at all: a verdict on a distress post
     * stays a label without text, so a victim's or family's words never become training data.
     */
    private static List<KeyValue<String, SubjectEvent>> postFacts(String postKey, ScoredPost post) {
        if (post == null) {
            return List.of();
        }
        Category category = post.assessment().category();
        if (category != Category.LURE && category != Category.JOB_SCAM) {
            return List.of();
        }
        List<String> contacts = category != Category.LURE ? List.of()
                : post.assessment().contacts().stream().map(Contact::key).distinct().toList();
        PostText text = new PostText(post.post().fullText(), post.assessment().language(), post.post().kind().wireName(),
                post.post().source(), category);
        return List.of(KeyValue.pair(Subjects.post(postKey), SubjectEvent.of(new SubjectFacts(contacts, List.of(postKey), 0, text))));
    }

    /** A campaign's contacts and posts; kept after it merges into another, because a hotline may judge the old id. */
    private static List<KeyValue<String, SubjectEvent>> campaignFacts(String id, Campaign campaign) {
        if (campaign == null) {
            return List.of();
        }
        List<String> postKeys = campaign.posts().stream().map(PostRef::key).toList();
        return List.of(KeyValue.pair(Subjects.campaign(id), SubjectEvent.of(new SubjectFacts(campaign.contacts(), postKeys, 0))));
    }

    private final class ResolveVerdictsSupplier implements ProcessorSupplier<String, SubjectEvent, String, VerdictOutput> {
        @Override
        public Processor<String, SubjectEvent, String, VerdictOutput> get() {
            return new ResolveVerdicts(factsTtl);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SUBJECT_STORE), KEYS,
                    FeedbackRecords.FACTS).withCachingEnabled(), TimeIndex.store(SUBJECT_EXPIRY_STORE));
        }
    }

    /**
     * Reads a {@link VerdictMessage} and takes its hotline from the topic it came on. Contacts or a hotline in the
     * payload are ignored; a verdict that names neither a post nor a campaign, or comes on a topic of no hotline in
     * the routes, is a dead letter.
     */
    private static final class ReadFeedback implements FixedKeyProcessor<byte[], byte[], Outcome<Feedback>> {
        private final Topics topics;
        private final Set<String> hotlines;
        private FixedKeyProcessorContext<byte[], Outcome<Feedback>> context;

        ReadFeedback(Topics topics, Set<String> hotlines) {
            this.topics = topics;
            this.hotlines = hotlines;
        }

        @Override
        public void init(FixedKeyProcessorContext<byte[], Outcome<Feedback>> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<byte[], byte[]> record) {
            Outcome<Feedback> outcome;
            RecordMetadata source = context.recordMetadata().orElseThrow();
            try {
                if (record.value() == null) {
                    throw new IOException("record has no value");
                }
                String hotline = topics.hotlineOfFeedback(source.topic()).filter(hotlines::contains)
                        .orElseThrow(() -> new IllegalArgumentException("topic " + source.topic()
                                + " is not the verdicts topic of a hotline in the routes"));
                outcome = Outcome.ok(Json.mapper().readValue(record.value(), VerdictMessage.class).toFeedback(hotline));
            } catch (IOException | IllegalArgumentException e) {
                outcome = Outcome.failed(new DeadLetter(DeadLetterReason.SCHEMA_VIOLATION,
                        "unreadable feedback: " + e.getMessage(), source.topic(), source.partition(), source.offset(),
                        record.key(), record.value()));
            }
            context.forward(record.withValue(outcome));
        }
    }
}
