package org.lurewatch.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.lurewatch.assess.Category;

/**
 * What a training example needs of a judged post: kept by the feedback step for lure and job-scam posts only (never a
 * distress post's words), for as long as a verdict may arrive, and copied into the labelled verdict on that post.
 *
 * @param text     the title and text as the scorer read them ({@code Post.fullText()})
 * @param lang     the language the post was scored in
 * @param kind     {@code job_ad}, {@code social_post} or {@code partner_flag}
 * @param source   the platform
 * @param scoredAs the category the pipeline gave it: what a {@code confirmed} verdict confirms
 */
public record PostText(String text, String lang, String kind, String source,
                       @JsonProperty("scored_as") Category scoredAs) {
    public PostText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(scoredAs, "scoredAs");
        if (scoredAs != Category.LURE && scoredAs != Category.JOB_SCAM) {
            throw new IllegalArgumentException("only a lure's or a job scam's text is kept, not a " + scoredAs.wireName() + "'s");
        }
    }
}
