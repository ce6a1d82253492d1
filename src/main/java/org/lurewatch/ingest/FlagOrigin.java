package org.lurewatch.ingest;

import java.util.Map;
import java.util.Objects;
import org.lurewatch.ingest.ReadResult.Accepted;
import org.lurewatch.ingest.ReadResult.Rejected;

/**
 * Who flagged a post is where it arrived, never what it says: each partner writes only its own flags topic
 * {@code partner-flags.<partner>} (Kafka ACLs, {@code docs/identity.md}), so the topic names the partner. A
 * {@code partner_id} in the payload is checked against it; a flag anywhere else is refused. Thread-safe.
 */
public final class FlagOrigin {
    private final Map<String, String> partnerByTopic;

    /** @param partnerByTopic each partner flags topic and the partner it belongs to */
    public FlagOrigin(Map<String, String> partnerByTopic) {
        this.partnerByTopic = Map.copyOf(partnerByTopic);
    }

    /**
     * The accepted post attributed to the partner of {@code topic}, or a {@link DeadLetterReason#PARTNER_MISMATCH}
     * rejection: a record on a flags topic must be a partner flag for that topic's partner, and a partner flag must
     * arrive on a flags topic. Posts from the feeds keep no partner, whatever their payload says.
     */
    public ReadResult attribute(Accepted accepted, String topic) {
        Objects.requireNonNull(topic, "topic");
        Post post = accepted.post();
        String partner = partnerByTopic.get(topic);
        boolean flag = post.kind() == PostKind.PARTNER_FLAG;
        if (partner == null) {
            return flag
                    ? new Rejected(DeadLetterReason.PARTNER_MISMATCH, "a partner flag counts only on its partner's own "
                            + "flags topic (partner-flags.<partner>); this one came on " + topic)
                    : new Accepted(post.withPartnerId(null));
        }
        if (!flag) {
            return new Rejected(DeadLetterReason.PARTNER_MISMATCH, "records on " + topic + " must be partner flags "
                    + "(kind partner_flag), not " + post.kind().wireName());
        }
        if (post.partnerId() != null && !post.partnerId().equals(partner)) {
            return new Rejected(DeadLetterReason.PARTNER_MISMATCH, "$.partner_id names another partner than " + topic
                    + "'s; the topic decides who flagged it");
        }
        return new Accepted(post.withPartnerId(partner));
    }
}
