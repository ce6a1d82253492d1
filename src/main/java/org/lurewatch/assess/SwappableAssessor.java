package org.lurewatch.assess;

import java.util.Objects;
import org.lurewatch.assess.model.Analysis;
import org.lurewatch.assess.model.LureModel;
import org.lurewatch.assess.model.PostAnalyzer;
import org.lurewatch.ingest.Post;

/**
 * The assessor of a running instance: the live model can be replaced while posts are scored, and a candidate
 * model can score every post in shadow beside it. Posts are analysed once (normalisation, language, extraction
 * and indicators depend on the lexicons, which live and candidate share) and each model only categorizes and
 * calibrates. The candidate's assessment never leaves the instance: it goes to the {@link ShadowListener} only.
 *
 * <p>Thread-safe: models are swapped by replacing immutable references, so a post is scored by one live model
 * from start to end.
 */
public final class SwappableAssessor implements Assessor {
    /** Told about every post the candidate scored. */
    public interface ShadowListener {
        void scored(Post post, Assessment live, Assessment candidate);
    }

    private final PostAnalyzer analyzer;
    private final ShadowListener shadow;
    private volatile LureAssessor live;
    private volatile LureAssessor candidate;

    public SwappableAssessor(PostAnalyzer analyzer, LureModel live, ShadowListener shadow) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.shadow = Objects.requireNonNull(shadow, "shadow");
        this.live = new LureAssessor(analyzer, Objects.requireNonNull(live, "live"));
    }

    @Override
    public Assessment assess(Post post) {
        LureAssessor current = live;
        LureAssessor shadowed = candidate;
        Analysis a = analyzer.analyze(post);
        Assessment assessment = current.assess(post, a);
        if (shadowed != null) {
            shadow.scored(post, assessment, shadowed.assess(post, a));
        }
        return assessment;
    }

    @Override
    public String modelVersion() {
        return live.modelVersion();
    }

    /** The version of the shadow candidate, or null when there is none. */
    public String candidateVersion() {
        LureAssessor c = candidate;
        return c == null ? null : c.modelVersion();
    }

    /** Makes a model live; the next post is scored by it. */
    public void swapLive(LureModel model) {
        live = new LureAssessor(analyzer, model);
    }

    /** Scores every post with this model too, in shadow; null stops shadow scoring. */
    public void setCandidate(LureModel model) {
        candidate = model == null ? null : new LureAssessor(analyzer, model);
    }

    public PostAnalyzer analyzer() {
        return analyzer;
    }
}
