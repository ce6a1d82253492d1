package org.lurewatch.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.lurewatch.access.Principal;
import org.lurewatch.ingest.EnvelopeReader;
import org.lurewatch.ingest.Post;
import org.lurewatch.ingest.PostKind;
import org.lurewatch.ingest.ReadResult;
import org.lurewatch.kafka.Json;

/**
 * Decides whether one flag is a valid envelope of the authenticated partner, with the same schema and limits ingest
 * applies, and makes the record that goes to the partner's flag topic. The partner is the API key's:
 * {@code partner_id} may be left out (it is filled in) or must name that partner; {@code kind} may be left out or
 * must be {@code partner_flag}.
 */
final class FlagChecks {
    static final String PARTNER_MISMATCH = "partner_mismatch";
    static final String KIND_NOT_ALLOWED = "kind_not_allowed";

    private final EnvelopeReader reader;

    FlagChecks(EnvelopeReader reader) {
        this.reader = reader;
    }

    /** What {@link #check} decided. */
    sealed interface Outcome permits Valid, Invalid {
    }

    /** A flag that may be written: its post key ({@code source:id}) and the envelope bytes. */
    record Valid(String postKey, String source, String id, byte[] envelope) implements Outcome {
    }

    /** A flag refused: a reason code and what to change. */
    record Invalid(String reason, String detail, String source, String id) implements Outcome {
    }

    Outcome check(ObjectNode flag, Principal partner) {
        String source = text(flag, "source");
        String id = text(flag, "id");
        JsonNode partnerId = flag.get("partner_id");
        if (partnerId != null && !partnerId.isNull() && !partnerId.asText().equals(partner.id())) {
            return new Invalid(PARTNER_MISMATCH, "partner_id '" + clip(partnerId.asText()) + "' is not the partner of this "
                    + "API key; leave partner_id out, the key says who you are", source, id);
        }
        JsonNode kind = flag.get("kind");
        if (kind != null && !kind.isNull() && !kind.asText().equals(PostKind.PARTNER_FLAG.wireName())) {
            return new Invalid(KIND_NOT_ALLOWED, "kind '" + clip(kind.asText()) + "' is not allowed here; flags are "
                    + "kind partner_flag (leave kind out)", source, id);
        }
        ObjectNode envelope = flag.deepCopy();
        envelope.put("kind", PostKind.PARTNER_FLAG.wireName());
        envelope.put("partner_id", partner.id());
        byte[] bytes;
        try {
            bytes = Json.mapper().writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        ReadResult result = reader.read(bytes);
        if (result instanceof ReadResult.Rejected rejected) {
            return new Invalid(rejected.reason().wireName(), rejected.detail(), source, id);
        }
        Post post = ((ReadResult.Accepted) result).post();
        return new Valid(post.source() + ":" + post.id(), post.source(), post.id(), bytes);
    }

    private static String text(ObjectNode flag, String field) {
        JsonNode value = flag.get(field);
        return value == null || !value.isTextual() ? null : clip(value.asText());
    }

    /** Echo at most a little of what was sent. */
    private static String clip(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }
}
