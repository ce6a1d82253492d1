package org.lurewatch.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A verdict kept as labelled data for the next training run: the value of the {@code feedback.labelled} topic,
 * keyed by subject. A verdict on a lure or job-scam post carries that post's text ({@link #example}), which
 * {@code lurewatch feedback export} turns into a training example; a verdict on a campaign or a distress post
 * carries none, so this topic holds no victim's words.
 *
 * @param subject      {@code post:<key>}, {@code campaign:<id>} or {@code contacts:<first contact>}
 * @param postKeys     the posts the verdict labels: the post, or the campaign's listed posts
 * @param contacts     the contacts the verdict applied to on the watchlist
 * @param subjectKnown false when the post or campaign was unknown (too old, or not a lure): then only the
 *                     verdict's own contacts were applied
 * @param example      the judged post's text, when the subject is a lure or job-scam post the feedback step still
 *                     kept (90 days after it was scored); null otherwise
 */
public record LabelledVerdict(
        String subject,
        Verdict verdict,
        String hotline,
        Instant at,
        @JsonProperty("post_keys") List<String> postKeys,
        List<String> contacts,
        @JsonProperty("subject_known") boolean subjectKnown,
        @JsonInclude(JsonInclude.Include.NON_NULL) PostText example) {

    public LabelledVerdict {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(verdict, "verdict");
        postKeys = List.copyOf(postKeys);
        contacts = List.copyOf(contacts);
    }
}
