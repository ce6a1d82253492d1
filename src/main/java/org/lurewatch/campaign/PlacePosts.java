package org.lurewatch.campaign;

import java.util.Set;
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
 * {@value CampaignTopology#PENDING_STORE} store, then places it: the post joins the oldest campaign it links
 * to, and every other campaign it links to is told to unite with that one. This is where link chains close:
 * post B that shares a phone with A's campaign and a handle with C's makes the two one.
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
        Set<String> campaigns = next.campaigns();
        String target = CampaignIds.oldest(campaigns);
        context.forward(record.withKey(target).withValue(new CampaignCommand.Join(next.arrived().post())));
        for (String other : campaigns) {
            if (!other.equals(target)) {
                context.forward(record.withKey(other).withValue(new CampaignCommand.Union(target)));
            }
        }
    }

    private void expire(long streamTime) {
        long cutoff = streamTime - settings.pendingTtl().toMillis();
        ExpiringStore.removeIf(pending, (postKey, post) -> post.since() < cutoff).forEach(entry ->
                LOG.warn("event=campaign_post_abandoned post={} arrived={} answers={}", entry.key,
                        entry.value.arrived() != null, entry.value.answers().size()));
    }
}
