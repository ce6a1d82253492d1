package org.lurewatch.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message on the {@code feedback} topic.
 *
 * @param postKey    the post the verdict is about ({@code source:id}), or null for a campaign verdict
 * @param campaignId the campaign the verdict is about, or null
 * @param contacts   contact keys ({@code telegram:hr_job88}) the verdict applies to
 * @param verdict    confirmed, false_positive or expired
 * @param hotline    the hotline that gave it
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
