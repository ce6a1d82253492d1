package org.lurewatch.campaign;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.lurewatch.kafka.TimeIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Post step, keyed by post key: gathers a lure post and the answers for all its link keys in the
 * {@value CampaignTopology#PENDING_STORE} store, then places it ({@link PendingPost#placement()}). A post still
 * waiting after the pending TTL is given up and logged; the sweep finds those through a time index
 * ({@value CampaignTopology#PENDING_EXPIRY_STORE}).
 */
final class PlacePosts implements Processor<String, PostLinkEvent, String, CampaignCommand> {
    private static final Logger LOG = LoggerFactory.getLogger(PlacePosts.class);
    private final CampaignSettings settings;
    private ProcessorContext<String, CampaignCommand> context;
    private KeyValueStore<String, PendingPost> pending;
    private TimeIndex expiry;

    PlacePosts(CampaignSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, CampaignCommand> context) {
        this.context = context;
        this.pending = context.getStateStore(CampaignTopology.PENDING_STORE);
        this.expiry = new TimeIndex(context.getStateStore(CampaignTopology.PENDING_EXPIRY_STORE),
                settings.purgeInterval().toMillis());
        context.schedule(settings.purgeInterval(), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, PostLinkEvent> record) {
        if (record.value() == null) {
            return;
        }
        PendingPost waiting = pending.get(record.key());
        PendingPost next = waiting == null ? PendingPost.start(record.timestamp()) : waiting;
        next = record.value() instanceof PostLinkEvent.Arrived arrived
                ? next.with(arrived) : next.with((PostLinkEvent.Answered) record.value());
        if (!next.complete()) {
            pending.put(record.key(), next);
            if (waiting == null) {
                expiry.move(record.key(), null, expiresAt(next));
            }
            return;
        }
        if (waiting != null) {
            pending.delete(record.key());
            expiry.move(record.key(), expiresAt(waiting), null);
        }
        for (KeyValue<String, CampaignCommand> command : next.placement()) {
            context.forward(record.withKey(command.key).withValue(command.value));
        }
    }

    private long expiresAt(PendingPost post) {
        return post.since() + settings.pendingTtl().toMillis();
    }

    private void expire(long streamTime) {
        for (KeyValue<String, Long> candidate : expiry.candidates(streamTime)) {
            PendingPost post = pending.get(candidate.key);
            if (post != null && expiresAt(post) >= streamTime) {
                continue;
            }
            expiry.move(candidate.key, candidate.value, null);
            if (post != null) {
                pending.delete(candidate.key);
                LOG.warn("event=campaign_post_abandoned post={} arrived={} answers={}", candidate.key,
                        post.arrived() != null, post.answers().size());
            }
        }
    }
}
