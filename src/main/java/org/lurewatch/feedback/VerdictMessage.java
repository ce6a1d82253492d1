package org.lurewatch.feedback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * One verdict as it travels on a hotline's verdicts topic, {@code feedback.hotline.<hotline>}: the contract between
 * whoever judges (the console, writing as the app for its analysts, or the hotline's own Kafka principal) and the
 * feedback step. It names what was judged, a post or a campaign, and never the hotline (that is the topic's) nor
 * contacts (those are the judged lure post's or campaign's, as the pipeline saw them). Unknown fields are ignored,
 * so an old message with {@code hotline} or {@code contacts} is read, and those fields have no effect.
 *
 * @param postKey    the post judged ({@code source:id}), or null for a campaign verdict
 * @param campaignId the campaign judged, or null; wins over {@code postKey} when both are given
 * @param verdict    confirmed, false_positive or expired
 * @param analyst    the console username that gave it (from the session), or null when the hotline wrote it itself
 * @param alertId    the CloudEvent id of the alert it was given on, or null
 * @param note       the analyst's free-text note for the hotline's own record, or null; never copied to the
 *                   watchlist or the labelled data
 * @param at         when it was given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record VerdictMessage(
        @JsonProperty("post_key") String postKey,
        @JsonProperty("campaign_id") String campaignId,
        Verdict verdict,
        String analyst,
        @JsonProperty("alert_id") String alertId,
        String note,
        Instant at) {
    /** The longest note kept; the console's form says so. */
    public static final int MAX_NOTE_CHARS = 2_000;

    public VerdictMessage {
        Objects.requireNonNull(verdict, "verdict");
        postKey = blankToNull(postKey);
        campaignId = blankToNull(campaignId);
        note = blankToNull(note);
        if (postKey == null && campaignId == null) {
            throw new IllegalArgumentException("a verdict names the post_key or the campaign_id it judges");
        }
        if (note != null && note.length() > MAX_NOTE_CHARS) {
            throw new IllegalArgumentException("a note has at most " + MAX_NOTE_CHARS + " characters");
        }
    }

    /** What it is about: {@code campaign:<id>} or {@code post:<key>}, the key it is written under. */
    public String subject() {
        return campaignId != null ? Subjects.campaign(campaignId) : Subjects.post(postKey);
    }

    /** The feedback step's view: the hotline from the topic it arrived on, no contacts of its own. */
    Feedback toFeedback(String hotline) {
        return new Feedback(postKey, campaignId, java.util.List.of(), verdict, hotline, at);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
