package org.lurewatch.campaign;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.lurewatch.assess.Assessment;
import org.lurewatch.assess.Contact;
import org.lurewatch.assess.Indicator;
import org.lurewatch.assess.ScoredPost;
import org.lurewatch.ingest.Post;

/**
 * What a campaign learns from one lure post: its reference, its recruiter contacts and, because it may become
 * the campaign's highest-risk post, its indicators and a short excerpt. The excerpt is recruiter text (a lure),
 * bounded, and only ever sent to hotlines.
 *
 * @param ref          the post reference
 * @param country      the feed's country hint, or null
 * @param contacts     contact keys ({@code telegram:hr_job88})
 * @param indicators   the indicators that fired, with evidence
 * @param modelVersion the model that scored it
 * @param excerpt      the start of the post's text, at most {@value #EXCERPT_CHARS} characters
 */
public record CampaignPost(
        PostRef ref,
        String country,
        List<String> contacts,
        List<Indicator> indicators,
        @JsonProperty("model_version") String modelVersion,
        String excerpt) {

    public static final int EXCERPT_CHARS = 500;

    public CampaignPost {
        Objects.requireNonNull(ref, "ref");
        contacts = List.copyOf(contacts);
        indicators = List.copyOf(indicators);
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(excerpt, "excerpt");
    }

    public static CampaignPost of(String postKey, ScoredPost scored, Instant seenAt) {
        Post post = scored.post();
        Assessment assessment = scored.assessment();
        PostRef ref = new PostRef(postKey, post.source(), post.url(), post.postedAt(), seenAt, assessment.language(),
                assessment.score(), assessment.band());
        return new CampaignPost(ref, post.country(), assessment.contacts().stream().map(Contact::key).distinct().toList(),
                assessment.indicators(), assessment.modelVersion(), excerpt(post.fullText()));
    }

    /** Higher score first; on a tie the post seen first stays, so the top post does not flap. */
    public boolean riskierThan(CampaignPost other) {
        return ref.score() > other.ref().score();
    }

    static String excerpt(String text) {
        if (text.length() <= EXCERPT_CHARS) {
            return text;
        }
        int end = EXCERPT_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
