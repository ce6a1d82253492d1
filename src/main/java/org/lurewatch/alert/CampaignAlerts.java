package org.lurewatch.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.lurewatch.campaign.Campaign;
import org.lurewatch.campaign.CampaignEntry;
import org.lurewatch.campaign.CampaignOutput;
import org.lurewatch.campaign.CampaignTopology;
import org.lurewatch.campaign.Notice;
import org.lurewatch.kafka.TimeIndex;
import org.lurewatch.ops.PipelineEvents;

/**
 * Keyed by campaign id, in the campaign step's task: turns campaign changes into hotline alerts by the
 * {@link UpdatePolicy}. What each hotline was told is kept as {@link Notice}s with the campaign itself, in the
 * campaign step's store, so it moves with the campaign through merges: a hotline told about either half of a
 * merge hears of the whole as an update. A hotline once told about a campaign keeps getting its updates even if
 * the campaign's routing later points elsewhere.
 *
 * <p>The keeper hands each change over with the campaign's entry, so nothing is read back from the store on the
 * way. Held-back updates are indexed by the stream time they fall due in the {@value #PENDING_STORE} store (a
 * {@link TimeIndex}) and sent by a sweep that reads only the due part of the index. The sweep runs on stream time,
 * and also on the wall clock: on a quiet stream, stream time stands still, so the wall-clock sweep counts the real time since stream time last
 * moved as if records had kept it moving. Otherwise a campaign that grew and then went quiet would be reported
 * to its hotline at its first size until the next record, however late that came.
 */
final class CampaignAlerts implements Processor<String, CampaignOutput, String, RoutedAlert> {
    static final String PENDING_STORE = "alert-pending-updates";
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    private static final Duration WALL_CLOCK_SWEEP_INTERVAL = Duration.ofSeconds(30);

    private final AlertRouter router;
    private final UpdatePolicy policy;
    private final PipelineEvents events;
    private ProcessorContext<String, RoutedAlert> context;
    private KeyValueStore<String, CampaignEntry> campaigns;
    private TimeIndex pending;
    private long lastStreamTime = Long.MIN_VALUE;
    private long wallClockAtLastStreamTime;

    CampaignAlerts(AlertRouter router, Duration updateWindow, PipelineEvents events) {
        this.router = router;
        this.policy = new UpdatePolicy(updateWindow);
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, RoutedAlert> context) {
        this.context = context;
        this.campaigns = context.getStateStore(CampaignTopology.CAMPAIGN_STORE);
        this.pending = new TimeIndex(context.getStateStore(PENDING_STORE), 1);
        context.schedule(SWEEP_INTERVAL, PunctuationType.STREAM_TIME, this::sweep);
        context.schedule(WALL_CLOCK_SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::sweepOnQuietStream);
    }

    /** Sweeps at stream time plus the real time that passed since stream time last moved. */
    private void sweepOnQuietStream(long wallClock) {
        long streamTime = context.currentStreamTimeMs();
        if (streamTime != lastStreamTime) {
            lastStreamTime = streamTime;
            wallClockAtLastStreamTime = wallClock;
            return;
        }
        if (streamTime >= 0 && wallClock > wallClockAtLastStreamTime) {
            sweep(streamTime + (wallClock - wallClockAtLastStreamTime));
        }
    }

    @Override
    public void process(Record<String, CampaignOutput> record) {
        if (!(record.value() instanceof CampaignOutput.Changed changed)) {
            // Published, merged away or expired: a merged campaign's notices went with it to the survivor, and the
            // sweep drops what the index still holds for an id that is no longer live.
            return;
        }
        CampaignEntry entry = changed.entry();
        Campaign campaign = entry.campaign();
        // Windows run on the task's stream time, which never goes back: a late record (a replay scrambled
        // across partitions) cannot reopen a window that later records already closed.
        long now = Math.max(record.timestamp(), context.currentStreamTimeMs());
        Map<String, Notice> notices = new LinkedHashMap<>(entry.notices());
        List<Destination> routed = router.hotlines(campaign);
        Set<Destination> destinations = new LinkedHashSet<>(routed);
        notices.keySet().forEach(id -> router.hotline(id).ifPresent(destinations::add));
        for (Destination destination : destinations) {
            Notice last = notices.get(destination.id());
            switch (policy.decide(last, campaign, routed.contains(destination), now)) {
                case ANNOUNCE, UPDATE -> {
                    send(campaign, destination, last, record.timestamp(), true);
                    notices.put(destination.id(), Notice.of(campaign, now));
                }
                case SUPPRESS -> {
                    events.alertSuppressed(destination.topic(), UpdatePolicy.UPDATE_WINDOW);
                    notices.put(destination.id(), last.heldBack());
                }
                case NOTHING -> {
                }
            }
        }
        remember(record.key(), entry, notices);
    }

    /** Sends the held-back updates that have fallen due. */
    private void sweep(long streamTime) {
        for (KeyValue<String, Long> due : pending.candidates(streamTime)) {
            // This index entry is done with either way; remember() indexes the campaign's next due time, if any.
            pending.move(due.key, due.value, null);
            CampaignEntry entry = campaigns.get(due.key);
            if (entry == null || !entry.isLive()) {
                continue;
            }
            Map<String, Notice> notices = new LinkedHashMap<>(entry.notices());
            entry.notices().forEach((hotline, last) -> {
                if (policy.due(last, streamTime)) {
                    router.hotline(hotline).ifPresent(destination ->
                            send(entry.campaign(), destination, last, streamTime, false));
                    notices.put(hotline, Notice.of(entry.campaign(), streamTime));
                }
            });
            remember(due.key, entry, notices);
        }
    }

    /** Stores the notices with the campaign and keeps the index of held-back updates in step with them. */
    private void remember(String id, CampaignEntry entry, Map<String, Notice> notices) {
        if (!notices.equals(entry.notices())) {
            campaigns.put(id, entry.withNotices(notices));
        }
        // set, not move: notices absorbed from a merged campaign may be held back without ever having been indexed here.
        pending.set(id, dueAt(entry.notices()), dueAt(notices));
    }

    /** When the earliest held-back update among these notices falls due, or null if none is held back. */
    private Long dueAt(Map<String, Notice> notices) {
        long due = Long.MAX_VALUE;
        for (Notice notice : notices.values()) {
            if (notice.pending()) {
                due = Math.min(due, policy.dueAt(notice));
            }
        }
        return due == Long.MAX_VALUE ? null : due;
    }

    private void send(Campaign campaign, Destination destination, Notice last, long timestamp, boolean fromPost) {
        RoutedAlert alert = RoutedAlert.of(destination,
                CampaignAlertEvents.build(campaign, destination, last, Instant.ofEpochMilli(timestamp)));
        events.alertSent(destination.topic(), destination.kind().wireName(), alert.type(), alert.json());
        if (fromPost) {
            events.postToAlertMillis(Math.max(0, System.currentTimeMillis() - timestamp));
        }
        context.forward(new Record<>(campaign.id(), alert, timestamp));
    }
}
