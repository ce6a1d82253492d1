package org.lurewatch.campaign;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.lurewatch.contract.BoundaryTopics;
import org.lurewatch.contract.TypedTopic;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.ScoredPost;
import org.lurewatch.kafka.TimeIndex;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.PipelineEvents;

/**
 * Topology 3: groups lure posts into campaigns. Distress and benign posts never enter.
 *
 * <pre>
 * posts.scored ─ lures ─ prepare ─ link requests + arrival ══ campaign-links ══> link owners ══ campaign-posts ══>
 *                                                              (keyed by link key)
 *   place posts ──> campaign-commands ──> campaign keeper ──┬─> alert step (each change, at once)
 *  (keyed by post key)       ^        (keyed by campaign id)├─> campaigns (compacted), feedback (once per interval)
 *                            └────── merges, forwards ──────┘
 * </pre>
 *
 * Three steps, each keyed by what it owns, so no step needs all the data on one partition:
 * <ol>
 *   <li>the link step owns link keys (contacts, SimHash bands) and answers which campaign owns each;</li>
 *   <li>the post step gathers a post's answers and places it in the oldest campaign it links to, asking the
 *       others to unite with it;</li>
 *   <li>the campaign step owns campaigns and does union-find by messages ({@link CampaignMerges}), looping
 *       through the {@code campaign-commands} topic when a merge crosses partitions.</li>
 * </ol>
 * Every store is bounded by event-time expiry ({@link CampaignSettings}), swept through a time index
 * ({@link TimeIndex}), and every campaign by {@link Campaign}'s limits. Records between the steps and in the stores
 * are compact binary ({@link CampaignRecords}); only the {@code campaigns} topic, read outside the app, is JSON.
 */
public final class CampaignTopology {
    public static final String LINK_STORE = "campaign-link-owners";
    public static final String LINK_EXPIRY_STORE = "campaign-link-owners-expiry";
    public static final String PENDING_STORE = "campaign-pending-posts";
    public static final String PENDING_EXPIRY_STORE = "campaign-pending-posts-expiry";
    public static final String CAMPAIGN_STORE = "campaign-store";
    public static final String CAMPAIGN_EXPIRY_STORE = "campaign-store-expiry";
    /** Campaigns changed since they were last published on the {@code campaigns} topic. */
    public static final String UNPUBLISHED_STORE = "campaign-unpublished";
    /** Repartition topics (Streams prefixes the application id and adds {@code -repartition}). */
    public static final String LINKS_REPARTITION = "campaign-links";
    public static final String POSTS_REPARTITION = "campaign-posts";

    private static final Serde<String> KEYS = Serdes.String();
    /** How many values each store's codec remembers per thread, so a hot key is not decoded again on every record. */
    private static final int STORE_MEMORY = 32;

    private final Topics topics;
    private final CampaignSettings settings;
    private final PipelineEvents events;

    public CampaignTopology(Topics topics, CampaignSettings settings, PipelineEvents events) {
        this.topics = topics;
        this.settings = settings;
        this.events = events;
    }

    /**
     * What the campaign step gives the steps after it, both in its task (a processor on either may connect
     * {@value #CAMPAIGN_STORE}).
     *
     * @param changes   every change the keeper reports, keyed by campaign id: a live campaign that changed
     *                  ({@link CampaignOutput.Changed}, at once), a publication ({@link CampaignOutput.Publish}:
     *                  a live campaign's latest state at most once per publish interval, or the last record of one
     *                  merged away) and an expiry ({@link CampaignOutput.Expire})
     * @param published what goes on the {@code campaigns} topic: the published campaigns, null for an expired one
     */
    public record Outputs(KStream<String, CampaignOutput> changes, KStream<String, Campaign> published) {
    }

    /** Adds the campaign steps, fed with the scored posts of the assess step (only lures enter). */
    public Outputs build(StreamsBuilder builder, KStream<String, ScoredPost> scored) {
        KStream<String, PreparedPost> lures = scored
                .filter((postKey, post) -> post != null && post.assessment().category() == Category.LURE,
                        Named.as("campaign-lures"))
                .processValues(PreparePost::new, Named.as("campaign-prepare"));

        lures.flatMap((postKey, post) -> post.linkStepInputs(), Named.as("campaign-link-requests"))
                .repartition(Repartitioned.<String, LinkStepInput>as(LINKS_REPARTITION)
                        .withKeySerde(KEYS).withValueSerde(CampaignRecords.LINK_STEP_INPUTS))
                .process(supplier(() -> new LinkOwners(settings),
                        store(LINK_STORE, CampaignRecords.LINK_BUCKETS.rememberingLast(STORE_MEMORY)), TimeIndex.store(LINK_EXPIRY_STORE)),
                        Named.as("campaign-link-owners"))
                .repartition(Repartitioned.<String, PostLinkEvent>as(POSTS_REPARTITION)
                        .withKeySerde(KEYS).withValueSerde(CampaignRecords.POST_LINK_EVENTS))
                .process(supplier(() -> new PlacePosts(settings),
                        store(PENDING_STORE, CampaignRecords.PENDING_POSTS.rememberingLast(STORE_MEMORY)), TimeIndex.store(PENDING_EXPIRY_STORE)),
                        Named.as("campaign-place-posts"))
                .to(topics.campaignCommands(), Produced.with(KEYS, CampaignRecords.COMMANDS)
                        .withName("campaign-commands-from-posts"));

        // Added by name, not through the keeper's supplier: the alert step in the same task shares it, to keep
        // what each hotline was told with the campaign (see Notice).
        builder.addStateStore(store(CAMPAIGN_STORE, CampaignRecords.CAMPAIGN_ENTRIES.rememberingLast(STORE_MEMORY)));
        builder.addStateStore(TimeIndex.store(CAMPAIGN_EXPIRY_STORE));
        builder.addStateStore(TimeIndex.store(UNPUBLISHED_STORE));
        Map<String, KStream<String, CampaignOutput>> outputs = builder
                .stream(topics.campaignCommands(), Consumed.with(KEYS, CampaignRecords.COMMANDS)
                        .withName("campaign-commands-source"))
                .process(() -> new CampaignKeeper(settings, events), Named.as("campaign-keeper"), CAMPAIGN_STORE,
                        CAMPAIGN_EXPIRY_STORE, UNPUBLISHED_STORE)
                .split(Named.as("campaign-output"))
                .branch((id, output) -> output instanceof CampaignOutput.Send, Branched.as("-commands"))
                .defaultBranch(Branched.as("-changes"));
        outputs.get("campaign-output-commands")
                .mapValues(output -> ((CampaignOutput.Send) output).command(), Named.as("campaign-commands-unwrap"))
                .to(topics.campaignCommands(), Produced.with(KEYS, CampaignRecords.COMMANDS)
                        .withName("campaign-commands-loop"));
        KStream<String, CampaignOutput> changes = outputs.get("campaign-output-changes");
        KStream<String, Campaign> published = changes
                .filter((id, output) -> !(output instanceof CampaignOutput.Changed), Named.as("campaign-publications"))
                .mapValues(output -> output instanceof CampaignOutput.Publish publish ? publish.campaign() : null,
                        Named.as("campaign-changes"));
        TypedTopic<String, Campaign> sink = BoundaryTopics.of(topics).campaigns();
        published.to(sink.name(), sink.produced("campaign-sink"));
        return new Outputs(changes, published);
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        // Cached: a hot key changes with every post, and the cache writes its changelog once per commit.
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), KEYS, values).withCachingEnabled();
    }

    /** A processor supplier that also declares its stores, so Streams adds and connects them. */
    private static <KIn, VIn, KOut, VOut> ProcessorSupplier<KIn, VIn, KOut, VOut> supplier(
            java.util.function.Supplier<Processor<KIn, VIn, KOut, VOut>> processors, StoreBuilder<?>... stores) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<KIn, VIn, KOut, VOut> get() {
                return processors.get();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(stores);
            }
        };
    }
}
