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
 * Campaign step, keyed by campaign id: applies {@link CampaignMerges} to the {@value CampaignTopology#CAMPAIGN_STORE}
 * store and emits the changed campaigns and the commands for other campaigns. A live campaign untouched for
 * the TTL is forgotten with a tombstone; an alias is kept twice as long, so that a link key still naming it
 * (links expire after the same TTL) always finds where it went, and then tombstoned too, so the compacted
 * {@code campaigns} topic stays bounded.
 */
final class CampaignKeeper implements Processor<String, CampaignCommand, String, CampaignOutput> {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignKeeper.class);
    private final CampaignSettings settings;
    private ProcessorContext<String, CampaignOutput> context;
    private KeyValueStore<String, CampaignEntry> campaigns;

    CampaignKeeper(CampaignSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, CampaignOutput> context) {
        this.context = context;
        this.campaigns = context.getStateStore(CampaignTopology.CAMPAIGN_STORE);
        context.schedule(settings.purgeInterval(), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, CampaignCommand> record) {
        if (record.value() == null) {
            return;
        }
        CampaignEntry entry = campaigns.get(record.key());
        CampaignMerges.Step step = CampaignMerges.apply(record.key(), entry, record.value(), record.timestamp());
        if (step.next() != entry) {
            campaigns.put(record.key(), step.next());
        }
        for (KeyValue<String, CampaignCommand> command : step.commands()) {
            context.forward(record.withKey(command.key).withValue(new CampaignOutput.Send(command.value)));
        }
        if (step.published() != null) {
            context.forward(record.withValue(new CampaignOutput.Publish(step.published())));
        }
    }

    private void expire(long streamTime) {
        long liveCutoff = streamTime - settings.ttl().toMillis();
        long aliasCutoff = liveCutoff - settings.ttl().toMillis();
        ExpiringStore.removeIf(campaigns, (id, entry) -> entry.touched() < (entry.isAlias() ? aliasCutoff : liveCutoff))
                .forEach(removed -> {
                    if (!removed.value.isLive() && !removed.value.isAlias()) {
                        LOG.warn("event=campaign_joins_abandoned campaign={} posts={}", removed.key,
                                removed.value.waitingPosts());
                    }
                    // A tombstone also for an alias: its last record on the compacted topic says where it went.
                    context.forward(new Record<>(removed.key, new CampaignOutput.Expire(), streamTime));
                });
    }
}
