package org.lurewatch.signal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.lurewatch.assess.Category;
import org.lurewatch.feedback.Verdict;

/**
 * Keyed by contact: folds sightings and verdicts into a {@link ContactState} and publishes the contact's signal when
 * what a partner would see changes. The rules, in order:
 * <ol>
 *   <li>a contact ever seen in a distress post is never published, and a published one is withdrawn;</li>
 *   <li>the latest verdict decides: {@code confirmed} publishes it, {@code false_positive} and {@code expired}
 *       withdraw it;</li>
 *   <li>a new sighting that only moves {@code last_seen} within the hour publishes nothing, so a busy recruiter does
 *       not flood the feed.</li>
 * </ol>
 */
final class TrackContacts implements Processor<String, SignalEvent, String, Signal> {
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);
    /** A sighting that moves only {@code last_seen}, by less than this, publishes nothing. */
    static final Duration LAST_SEEN_STEP = Duration.ofHours(1);
    private static final String UNKNOWN_HOTLINE = "unknown";

    /** Contacts that no verdict names and no distress post showed are forgotten this long after their last sighting. */
    private final Duration sightingsTtl;
    private ProcessorContext<String, Signal> context;
    private KeyValueStore<String, ContactState> store;

    TrackContacts(Duration sightingsTtl) {
        this.sightingsTtl = sightingsTtl;
    }

    @Override
    public void init(ProcessorContext<String, Signal> context) {
        this.context = context;
        this.store = context.getStateStore(SignalTopology.CONTACT_STORE);
        context.schedule(PURGE_INTERVAL, PunctuationType.STREAM_TIME, this::forgetStaleSightings);
    }

    /**
     * Drops contacts only ever sighted, not sighted for {@link #sightingsTtl}. A whole-store scan, but once an hour of
     * stream time over contacts of flagged posts only, so it stays small; keys are collected first and deleted after,
     * so the iterator never sees its own deletes.
     */
    private void forgetStaleSightings(long streamTime) {
        java.util.List<String> stale = new java.util.ArrayList<>();
        try (KeyValueIterator<String, ContactState> all = store.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                ContactState state = entry.value;
                if (state.verdict() == null && !state.seenInDistress() && state.lastSeen() != null
                        && state.lastSeen().toEpochMilli() < streamTime - sightingsTtl.toMillis()) {
                    stale.add(entry.key);
                }
            }
        }
        stale.forEach(store::delete);
    }

    @Override
    public void process(Record<String, SignalEvent> record) {
        if (record.key() == null || record.value() == null || record.key().indexOf(':') <= 0) {
            return;
        }
        ContactState state = store.get(record.key());
        ContactState next = apply(state == null ? ContactState.empty() : state, record.value(),
                Instant.ofEpochMilli(record.timestamp()));
        Signal view = view(record.key(), next);
        if (changed(next.published(), view)) {
            Signal out = new Signal(view.id(), view.signal(), view.signalType(), view.abuseType(), view.firstSeen(),
                    view.lastSeen(), view.confidence(), view.status(),
                    next.published() == null ? 1 : next.published().revision() + 1, null);
            next = withPublished(next, out);
            context.forward(record.withKey(out.id()).withValue(out));
        }
        store.put(record.key(), next);
    }

    static ContactState apply(ContactState state, SignalEvent event, Instant recordTime) {
        if (event.category() != null) {
            if (event.category() == Category.DISTRESS) {
                return new ContactState(state.firstSeen(), state.lastSeen(), state.lurePosts(), state.jobScamPosts(), true,
                        state.verdict(), state.verdictAt(), state.confirmedBy(), state.published());
            }
            Instant first = state.firstSeen() == null || recordTime.isBefore(state.firstSeen()) ? recordTime : state.firstSeen();
            Instant last = state.lastSeen() == null || recordTime.isAfter(state.lastSeen()) ? recordTime : state.lastSeen();
            boolean lure = event.category() == Category.LURE;
            return new ContactState(first, last, state.lurePosts() + (lure ? 1 : 0), state.jobScamPosts() + (lure ? 0 : 1),
                    state.seenInDistress(), state.verdict(), state.verdictAt(), state.confirmedBy(), state.published());
        }
        Instant at = event.at() != null ? event.at() : recordTime;
        Set<String> confirmedBy = new TreeSet<>(state.confirmedBy());
        if (event.verdict() == Verdict.CONFIRMED) {
            confirmedBy.add(event.hotline() == null ? UNKNOWN_HOTLINE : event.hotline());
        } else {
            confirmedBy.clear();
        }
        return new ContactState(state.firstSeen(), state.lastSeen(), state.lurePosts(), state.jobScamPosts(),
                state.seenInDistress(), event.verdict(), at, confirmedBy, state.published());
    }

    /** What partners should see of this contact now: an active or withdrawn signal, or nothing. */
    static Signal view(String contactKey, ContactState state) {
        Signal published = state.published();
        boolean publishable = state.verdict() == Verdict.CONFIRMED && !state.seenInDistress();
        if (!publishable) {
            if (published == null || !published.active()) {
                return published;
            }
            return new Signal(published.id(), published.signal(), published.signalType(), published.abuseType(),
                    published.firstSeen(), published.lastSeen(), published.confidence(), Signal.WITHDRAWN,
                    published.revision(), null);
        }
        int colon = contactKey.indexOf(':');
        Instant first = state.seen() ? state.firstSeen() : state.verdictAt();
        Instant last = state.seen() ? state.lastSeen() : state.verdictAt();
        return new Signal(Signal.idOf(contactKey), contactKey.substring(colon + 1), contactKey.substring(0, colon),
                state.lurePosts() > 0 || state.jobScamPosts() == 0 ? Signal.RECRUITMENT : Signal.JOB_SCAM,
                first.truncatedTo(ChronoUnit.SECONDS), last.truncatedTo(ChronoUnit.SECONDS), confidence(state), Signal.ACTIVE,
                published == null ? 0 : published.revision(), null);
    }

    /** 90 when two hotlines or more confirm it, 75 when one does and it was seen in posts, 60 when one does only. */
    static int confidence(ContactState state) {
        if (state.confirmedBy().size() >= 2) {
            return 90;
        }
        return state.seen() ? 75 : 60;
    }

    /** Whether {@code view} differs from what was published in anything but a {@code last_seen} within the hour. */
    static boolean changed(Signal published, Signal view) {
        if (view == null) {
            return false;
        }
        if (published == null) {
            return true;
        }
        boolean sameButLastSeen = published.signal().equals(view.signal()) && published.signalType().equals(view.signalType())
                && published.abuseType().equals(view.abuseType()) && published.firstSeen().equals(view.firstSeen())
                && published.confidence() == view.confidence() && published.status().equals(view.status());
        if (!sameButLastSeen) {
            return true;
        }
        return Duration.between(published.lastSeen(), view.lastSeen()).abs().compareTo(LAST_SEEN_STEP) >= 0;
    }

    private static ContactState withPublished(ContactState state, Signal published) {
        return new ContactState(state.firstSeen(), state.lastSeen(), state.lurePosts(), state.jobScamPosts(),
                state.seenInDistress(), state.verdict(), state.verdictAt(), state.confirmedBy(), published);
    }
}
