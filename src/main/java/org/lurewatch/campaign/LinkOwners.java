package org.lurewatch.campaign;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.lurewatch.kafka.ExpiringStore;

/**
 * Link step, keyed by link key: answers each post's question "which campaign owns this key?" from the
 * {@value CampaignTopology#LINK_STORE} store, claiming unowned keys for the asking post's proposal, and sends
 * the answer on keyed by post key. Post arrivals pass through unchanged. Link keys unused for the campaign
 * TTL are forgotten.
 */
final class LinkOwners implements Processor<String, LinkStepInput, String, PostLinkEvent> {
    private final CampaignSettings settings;
    private ProcessorContext<String, PostLinkEvent> context;
    private KeyValueStore<String, LinkBucket> owners;

    LinkOwners(CampaignSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, PostLinkEvent> context) {
        this.context = context;
        this.owners = context.getStateStore(CampaignTopology.LINK_STORE);
        context.schedule(settings.purgeInterval(), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, LinkStepInput> record) {
        if (record.value() instanceof PostLinkEvent.Arrived arrived) {
            context.forward(record.withValue(arrived));
            return;
        }
        if (!(record.value() instanceof LinkRequest request)) {
            return;
        }
        LinkBucket bucket = owners.get(record.key());
        LinkBucket.Claim claim = (bucket == null ? LinkBucket.empty() : bucket).claim(request, record.timestamp());
        owners.put(record.key(), claim.bucket());
        context.forward(record.withKey(request.postKey())
                .withValue(new PostLinkEvent.Answered(record.key(), claim.campaignIds())));
    }

    private void expire(long streamTime) {
        long cutoff = streamTime - settings.ttl().toMillis();
        ExpiringStore.trim(owners, bucket -> bucket.expire(cutoff));
    }
}
