package org.lurewatch.assess.eval;

import org.lurewatch.assess.Assessment;
import org.lurewatch.assess.corpus.LabeledPost;

/** One labelled post and what the assessor said about it. */
public record Prediction(LabeledPost post, Assessment assessment) {
    public boolean correct() {
        return post.label() == assessment.category();
    }
}
