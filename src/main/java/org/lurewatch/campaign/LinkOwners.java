package org.lurewatch.campaign;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.lurewatch.kafka.TimeIndex;

/**
 * Link step, keyed by link key: answers each post's question "which campaign owns this key?" from the
 * {@value CampaignTopology#LINK_STORE} store, claiming unowned keys for the asking post's proposal, and sends
 * the answer on keyed by post key. Post arrivals pass through unchanged. An owner unused for the campaign TTL is
 * dropped when its key is next asked about, and a key unused for the TTL is forgotten by a sweep that reads a
 * time index ({@value CampaignTopology#LINK_EXPIRY_STORE}), not the whole store.
 */
final class LinkOwners implements Processor<String, LinkStepInput, String, PostLinkEvent> {
    private final CampaignSettings settings;
    private ProcessorContext<String, PostLinkEvent> context;
    private KeyValueStore<String, LinkBucket> owners;
    private TimeIndex expiry;

    LinkOwners(CampaignSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, PostLinkEvent> context) {
        this.context = context;
        this.owners = context.getStateStore(CampaignTopology.LINK_STORE);
        this.expiry = new TimeIndex(context.getStateStore(CampaignTopology.LINK_EXPIRY_STORE),
                settings.purgeInterval().toMillis());
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
        long cutoff = Math.max(context.currentStreamTimeMs(), record.timestamp()) - settings.ttl().toMillis();
        LinkBucket.Claim claim = (bucket == null ? LinkBucket.empty() : bucket).claim(request, record.timestamp(), cutoff);
        owners.put(record.key(), claim.bucket());
        expiry.move(record.key(), expiresAt(bucket), expiresAt(claim.bucket()));
        context.forward(record.withKey(request.postKey())
                .withValue(new PostLinkEvent.Answered(record.key(), claim.campaignIds())));
    }

    private Long expiresAt(LinkBucket bucket) {
        return bucket == null || bucket.entries().isEmpty() ? null : bucket.lastSeen() + settings.ttl().toMillis();
    }

    private void expire(long streamTime) {
        for (KeyValue<String, Long> candidate : expiry.candidates(streamTime)) {
            Long expiresAt = expiresAt(owners.get(candidate.key));
            if (expiresAt != null && expiresAt >= streamTime) {
                continue; // used since it was indexed: it sits in a later bucket too
            }
            expiry.move(candidate.key, candidate.value, null);
            if (expiresAt != null) {
                owners.delete(candidate.key);
            }
        }
    }
}
