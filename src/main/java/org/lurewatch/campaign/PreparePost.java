package org.lurewatch.campaign;

import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.lurewatch.assess.ScoredPost;

/**
 * Computes, once per lure post, its campaign proposal and its link keys; the record timestamp is its event time.
 * The proposal comes from the post alone ({@link CampaignIds#propose}), so a replay proposes the same ids.
 */
final class PreparePost implements FixedKeyProcessor<String, ScoredPost, PreparedPost> {
    private FixedKeyProcessorContext<String, PreparedPost> context;

    @Override
    public void init(FixedKeyProcessorContext<String, PreparedPost> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, ScoredPost> record) {
        String postKey = record.key();
        Instant seenAt = Instant.ofEpochMilli(record.timestamp());
        String proposal = CampaignIds.propose(postKey, record.value().post().postedAt());
        context.forward(record.withValue(new PreparedPost(postKey, CampaignPost.of(postKey, record.value(), seenAt), proposal,
                LinkKeys.requests(postKey, proposal, record.value()))));
    }
}
