package org.lurewatch.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.lurewatch.contract.BoundaryTopics;
import org.lurewatch.contract.TypedTopic;
import org.lurewatch.assess.Assessment;
import org.lurewatch.assess.Assessor;
import org.lurewatch.assess.Contact;
import org.lurewatch.assess.ScoredPost;
import org.lurewatch.campaign.WatchlistScoring;
import org.lurewatch.feedback.FeedbackTopology;
import org.lurewatch.feedback.WatchlistEntry;
import org.lurewatch.ingest.DeadLetterReason;
import org.lurewatch.ingest.DeadLetterSplit;
import org.lurewatch.ingest.Ingested;
import org.lurewatch.ingest.Outcome;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.PipelineEvents;

/**
 * Topology 2: scores each ingested post and writes post and assessment to {@code posts.scored}, in the task that
 * ingested it (one exactly-once hop from the feed to the scored post and its per-post alerts). The scorer
 * itself ({@link Assessor}) knows nothing of Kafka. A post that fails to score becomes a dead letter with its
 * original bytes. Each processor gets its own {@link Assessor}, because OpenNLP's categorizer is not thread-safe.
 *
 * <p>After scoring, the post's contacts are looked up in the watchlist (the global table
 * {@value FeedbackTopology#WATCHLIST_STORE}, fed by hotline verdicts): a confirmed recruiter contact raises the
 * score, a false positive lowers it ({@link WatchlistScoring}).
 */
public final class AssessTopology {
    private final Topics topics;
    private final Supplier<Assessor> assessors;
    private final PipelineEvents events;

    public AssessTopology(Topics topics, Supplier<Assessor> assessors, PipelineEvents events) {
        this.topics = topics;
        this.assessors = assessors;
        this.events = events;
    }

    /**
     * Scores the posts, writes them to {@code posts.scored} (the JSON contract for downstream consumers) and
     * returns the same scored posts, still in this task: the per-post decisions (alerts, campaign link requests,
     * feedback facts) are taken from it here, so that nothing reads {@code posts.scored} back.
     */
    public KStream<String, ScoredPost> build(KStream<String, Ingested> posts) {
        KStream<String, Outcome<ScoredPost>> outcomes =
                posts.processValues(() -> new AssessPost(assessors, events), Named.as("assess-score"));
        KStream<String, ScoredPost> scored = DeadLetterSplit.values(outcomes, "assess", topics.deadLetter(), events);
        TypedTopic<String, ScoredPost> sink = BoundaryTopics.of(topics).scored();
        scored.to(sink.name(), sink.produced("assess-scored-sink"));
        return scored;
    }

    private static final class AssessPost implements FixedKeyProcessor<String, Ingested, Outcome<ScoredPost>> {
        private final Supplier<Assessor> assessors;
        private final PipelineEvents events;
        private FixedKeyProcessorContext<String, Outcome<ScoredPost>> context;
        private Assessor assessor;
        private ReadOnlyKeyValueStore<String, ValueAndTimestamp<WatchlistEntry>> watchlist;

        AssessPost(Supplier<Assessor> assessors, PipelineEvents events) {
            this.assessors = assessors;
            this.events = events;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Outcome<ScoredPost>> context) {
            this.context = context;
            // Created here, not in the constructor: Streams builds throwaway processors while checking suppliers.
            this.assessor = assessors.get();
            this.watchlist = context.getStateStore(FeedbackTopology.WATCHLIST_STORE);
        }

        /** The assessment adjusted for contacts hotlines have judged; the global table is read, never written. */
        private Assessment watchlisted(Assessment assessment) {
            List<Contact> confirmed = new ArrayList<>();
            List<Contact> falsePositive = new ArrayList<>();
            for (Contact contact : assessment.contacts()) {
                ValueAndTimestamp<WatchlistEntry> entry = watchlist.get(contact.key());
                if (entry != null && entry.value() != null) {
                    switch (entry.value().verdict()) {
                        case CONFIRMED -> confirmed.add(contact);
                        case FALSE_POSITIVE -> falsePositive.add(contact);
                        case EXPIRED -> {
                        }
                    }
                }
            }
            return WatchlistScoring.withWatchlistHits(assessment, confirmed, falsePositive);
        }

        @Override
        public void process(FixedKeyRecord<String, Ingested> record) {
            Ingested ingested = record.value();
            Outcome<ScoredPost> outcome;
            try {
                long start = System.nanoTime();
                Assessment assessment = watchlisted(assessor.assess(ingested.post()));
                events.assessed(assessment.category().wireName(), assessment.band().wireName(), System.nanoTime() - start);
                outcome = Outcome.ok(new ScoredPost(ingested.post(), assessment));
            } catch (RuntimeException e) {
                // One post that breaks the scorer must not stop the stream: keep it as a dead letter to replay.
                outcome = Outcome.failed(ingested.deadLetter(DeadLetterReason.SCORING_FAILED,
                        e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
            context.forward(record.withValue(outcome));
        }
    }
}
