package org.lurewatch.assess;

import java.util.Objects;
import org.lurewatch.ingest.Post;

/** A post and its assessment: the value of the {@code posts.scored} topic. */
public record ScoredPost(Post post, Assessment assessment) {
    public ScoredPost {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(assessment, "assessment");
    }
}
