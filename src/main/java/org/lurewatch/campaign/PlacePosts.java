package org.lurewatch.campaign;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.lurewatch.kafka.ExpiringStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Post step, keyed by post key: gathers a lure post and the answers for all its link keys in the
 * {@value CampaignTopology#PENDING_STORE} store, then places it ({@link PendingPost#placement()}).
 */
final class PlacePosts implements Processor<String, PostLinkEvent, String, CampaignCommand> {
    private static final Logger LOG = LoggerFactory.getLogger(PlacePosts.class);
    private final CampaignSettings settings;
    private ProcessorContext<String, CampaignCommand> context;
    private KeyValueStore<String, PendingPost> pending;

    PlacePosts(CampaignSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, CampaignCommand> context) {
        this.context = context;
        this.pending = context.getStateStore(CampaignTopology.PENDING_STORE);
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
            return;
        }
        pending.delete(record.key());
        for (KeyValue<String, CampaignCommand> command : next.placement()) {
            context.forward(record.withKey(command.key).withValue(command.value));
        }
    }

    private void expire(long streamTime) {
        long cutoff = streamTime - settings.pendingTtl().toMillis();
        ExpiringStore.removeIf(pending, (postKey, post) -> post.since() < cutoff).forEach(entry ->
                LOG.warn("event=campaign_post_abandoned post={} arrived={} answers={}", entry.key,
                        entry.value.arrived() != null, entry.value.answers().size()));
    }
}
