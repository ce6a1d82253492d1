package org.lurewatch.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A verdict as the feedback step resolves it, read from a {@link VerdictMessage} on a hotline's verdicts topic: the
 * hotline is that topic's, and {@code contacts} is always empty there (a verdict applies to the contacts of the post
 * or campaign it judges, never to contacts it lists).
 *
 * @param postKey    the post the verdict is about ({@code source:id}), or null for a campaign verdict
 * @param campaignId the campaign the verdict is about, or null
 * @param contacts   kept for the internal record format; empty for every verdict read from a topic
 * @param verdict    confirmed, false_positive or expired
 * @param hotline    the hotline that gave it: the one whose topic it came on
 * @param at         when it was given
 */
public record Feedback(
        @JsonProperty("post_key") String postKey,
        @JsonProperty("campaign_id") String campaignId,
        List<String> contacts,
        Verdict verdict,
        String hotline,
        Instant at) {

    public Feedback {
        Objects.requireNonNull(verdict, "verdict");
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        if (postKey == null && campaignId == null && contacts.isEmpty()) {
            throw new IllegalArgumentException("feedback must name a post_key, a campaign_id or contacts");
        }
    }
}
