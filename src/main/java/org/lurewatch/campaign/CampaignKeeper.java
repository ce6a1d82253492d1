package org.lurewatch.campaign;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.lurewatch.kafka.TimeIndex;
import org.lurewatch.ops.PipelineEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaign step, keyed by campaign id: applies {@link CampaignMerges} to the {@value CampaignTopology#CAMPAIGN_STORE}
 * store and emits the commands for other campaigns, each change of a live campaign for the alert step (at once),
 * and the campaign records for the {@code campaigns} topic.
 *
 * <p>A campaign's record is published at most once per {@link CampaignSettings#publishInterval()}: a change only
 * marks the campaign in {@value CampaignTopology#UNPUBLISHED_STORE}, and a wall-clock punctuation publishes the
 * marked ones. The mark is state like any other, committed with the change, so a crash between the change and the
 * publication loses neither. A hot campaign that takes a hundred posts a second is written to the topic ten times
 * a second, not a hundred. A campaign merged away is published at once, with {@code merged_into}.
 *
 * <p>A live campaign untouched for the TTL is forgotten with a tombstone; an alias is kept twice as long, so that
 * a link key still naming it (links expire after the same TTL) always finds where it went, and then tombstoned
 * too, so the compacted {@code campaigns} topic stays bounded. Expiry reads a time index
 * ({@value CampaignTopology#CAMPAIGN_EXPIRY_STORE}), never the whole store.
 */
final class CampaignKeeper implements Processor<String, CampaignCommand, String, CampaignOutput> {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignKeeper.class);
    private final CampaignSettings settings;
    private final PipelineEvents events;
    private ProcessorContext<String, CampaignOutput> context;
    private KeyValueStore<String, CampaignEntry> campaigns;
    private KeyValueStore<String, Long> unpublished;
    private TimeIndex expiry;

    CampaignKeeper(CampaignSettings settings, PipelineEvents events) {
        this.settings = settings;
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, CampaignOutput> context) {
        this.context = context;
        this.campaigns = context.getStateStore(CampaignTopology.CAMPAIGN_STORE);
        this.unpublished = context.getStateStore(CampaignTopology.UNPUBLISHED_STORE);
        this.expiry = new TimeIndex(context.getStateStore(CampaignTopology.CAMPAIGN_EXPIRY_STORE),
                settings.purgeInterval().toMillis());
        context.schedule(settings.purgeInterval(), PunctuationType.STREAM_TIME, this::expire);
        context.schedule(settings.publishInterval(), PunctuationType.WALL_CLOCK_TIME, now -> publish());
    }

    @Override
    public void process(Record<String, CampaignCommand> record) {
        if (record.value() == null) {
            return;
        }
        String id = record.key();
        CampaignEntry entry = campaigns.get(id);
        CampaignMerges.Step step = CampaignMerges.apply(id, entry, record.value(), record.timestamp());
        if (record.value() instanceof CampaignCommand.Join && (entry == null || !entry.isAlias())) {
            events.postPlaced();
        }
        CampaignEntry next = step.next();
        if (next != entry) {
            campaigns.put(id, next);
            expiry.move(id, expiresAt(entry), expiresAt(next));
        }
        for (KeyValue<String, CampaignCommand> command : step.commands()) {
            context.forward(record.withKey(command.key).withValue(new CampaignOutput.Send(command.value)));
        }
        Campaign published = step.published();
        if (published == null) {
            return;
        }
        if (published.mergedInto() != null) {
            unpublished.delete(id);
            context.forward(record.withValue(new CampaignOutput.Publish(published)));
        } else {
            unpublished.put(id, record.timestamp());
            context.forward(record.withValue(new CampaignOutput.Changed(next)));
        }
    }

    /** Publishes every campaign that changed since the last publication, with the time of its latest change. */
    private void publish() {
        List<KeyValue<String, Long>> marked = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = unpublished.all()) {
            all.forEachRemaining(marked::add);
        }
        for (KeyValue<String, Long> mark : marked) {
            unpublished.delete(mark.key);
            CampaignEntry entry = campaigns.get(mark.key);
            if (entry != null && entry.isLive()) {
                context.forward(new Record<>(mark.key, new CampaignOutput.Publish(entry.campaign()), mark.value));
            }
        }
    }

    private long ttl(CampaignEntry entry) {
        return entry.isAlias() ? 2 * settings.ttl().toMillis() : settings.ttl().toMillis();
    }

    private Long expiresAt(CampaignEntry entry) {
        return entry == null ? null : entry.touched() + ttl(entry);
    }

    private void expire(long streamTime) {
        for (KeyValue<String, Long> candidate : expiry.candidates(streamTime)) {
            CampaignEntry entry = campaigns.get(candidate.key);
            Long expiresAt = expiresAt(entry);
            if (expiresAt != null && expiresAt > streamTime) {
                continue; // touched since it was indexed: it sits in a later bucket too
            }
            expiry.move(candidate.key, candidate.value, null);
            if (entry == null) {
                continue;
            }
            campaigns.delete(candidate.key);
            unpublished.delete(candidate.key);
            if (!entry.isLive() && !entry.isAlias()) {
                LOG.warn("event=campaign_joins_abandoned campaign={} posts={}", candidate.key, entry.waitingPosts());
            }
            // A tombstone also for an alias: its last record on the compacted topic says where it went.
            context.forward(new Record<>(candidate.key, new CampaignOutput.Expire(), streamTime));
        }
    }
}
