package org.lurewatch.assess;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * What the assess step concluded about one post.
 *
 * @param postId       the post's id
 * @param category     lure, distress or benign
 * @param score        calibrated risk in [0, 1]
 * @param band         the band the score falls into
 * @param language     detected language (ISO 639-1, {@code und} if unknown)
 * @param indicators   the indicators that fired, with evidence
 * @param contacts     recruiter contacts found in the text
 * @param modelVersion version of the model that scored it
 */
public record Assessment(
        @JsonProperty("post_id") String postId,
        Category category,
        double score,
        Band band,
        String language,
        List<Indicator> indicators,
        List<Contact> contacts,
        @JsonProperty("model_version") String modelVersion) {

    public Assessment {
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(modelVersion, "modelVersion");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
        indicators = List.copyOf(indicators);
        contacts = List.copyOf(contacts);
    }
}
