package org.lurewatch.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.KeyValue;
import org.lurewatch.kafka.TimeIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by subject: keeps the contacts and posts of every lure post and campaign, and turns a verdict on one
 * into watchlist changes for its contacts and a labelled record, with the judged post's text when it is a lure or a
 * job scam. Distress posts are never kept here, so a verdict on one can never put a family's phone number on the
 * watchlist, nor their words in training data.
 */
final class ResolveVerdicts implements Processor<String, SubjectEvent, String, VerdictOutput> {
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(ResolveVerdicts.class);

    /** Hotlines answer within days or weeks; facts older than this ({@code feedback.facts.ttl.days}) are forgotten. */
    private final Duration factsTtl;
    private ProcessorContext<String, VerdictOutput> context;
    private KeyValueStore<String, SubjectFacts> facts;
    private TimeIndex expiry;

    ResolveVerdicts(Duration factsTtl) {
        this.factsTtl = factsTtl;
    }

    @Override
    public void init(ProcessorContext<String, VerdictOutput> context) {
        this.context = context;
        this.facts = context.getStateStore(FeedbackTopology.SUBJECT_STORE);
        this.expiry = new TimeIndex(context.getStateStore(FeedbackTopology.SUBJECT_EXPIRY_STORE), PURGE_INTERVAL.toMillis());
        context.schedule(PURGE_INTERVAL, PunctuationType.STREAM_TIME, this::expire);
    }

    /** Forgets facts unused for {@link #factsTtl}, found through the time index, not by a scan of the store. */
    private void expire(long streamTime) {
        for (KeyValue<String, Long> candidate : expiry.candidates(streamTime)) {
            Long expiresAt = expiresAt(facts.get(candidate.key));
            if (expiresAt != null && expiresAt >= streamTime) {
                continue;
            }
            expiry.move(candidate.key, candidate.value, null);
            if (expiresAt != null) {
                facts.delete(candidate.key);
            }
        }
    }

    private Long expiresAt(SubjectFacts known) {
        return known == null ? null : known.seen() + factsTtl.toMillis();
    }

    @Override
    public void process(Record<String, SubjectEvent> record) {
        SubjectEvent event = record.value();
        if (event == null) {
            return;
        }
        if (event.facts() != null) {
            SubjectFacts update = event.facts();
            SubjectFacts previous = facts.get(record.key());
            SubjectFacts next = new SubjectFacts(update.contacts(), update.postKeys(),
                    previous == null ? record.timestamp() : Math.max(previous.seen(), record.timestamp()), update.text());
            facts.put(record.key(), next);
            expiry.move(record.key(), expiresAt(previous), expiresAt(next));
            return;
        }
        Feedback verdict = event.verdict();
        SubjectFacts known = facts.get(record.key());
        if (known == null) {
            LOG.warn("event=verdict_subject_unknown subject={} verdict={}", record.key(), verdict.verdict().wireName());
        }
        // Only the judged lure post's or campaign's own contacts: never a contact the verdict itself lists.
        Set<String> contacts = new LinkedHashSet<>(known == null ? List.of() : known.contacts());
        Instant at = verdict.at() != null ? verdict.at() : Instant.ofEpochMilli(record.timestamp());
        for (String contact : contacts) {
            WatchlistEntry entry = switch (verdict.verdict()) {
                case CONFIRMED, FALSE_POSITIVE -> new WatchlistEntry(contact, verdict.verdict(), verdict.hotline(), at);
                case EXPIRED -> null;
            };
            context.forward(record.withKey(contact).withValue(new VerdictOutput.Watch(entry)));
        }
        List<String> postKeys = known != null ? known.postKeys()
                : verdict.postKey() != null ? List.of(verdict.postKey()) : List.of();
        context.forward(record.withValue(new VerdictOutput.Label(new LabelledVerdict(record.key(), verdict.verdict(),
                verdict.hotline(), at, postKeys, List.copyOf(contacts), known != null, known == null ? null : known.text()))));
    }
}
