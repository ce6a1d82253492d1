package org.lurewatch.assess;

import org.lurewatch.assess.model.Analysis;
import org.lurewatch.assess.model.Calibrator;
import org.lurewatch.assess.model.LureModel;
import org.lurewatch.assess.model.PostAnalyzer;
import org.lurewatch.ingest.Post;

/**
 * The assessor: rules and indicators ({@link PostAnalyzer}), the OpenNLP categorizer and the calibration
 * ({@link LureModel}), combined into one score, band and category. The score is the calibrated probability
 * that the post is not benign; a flagged post takes the most probable of lure, distress and job scam.
 *
 * <p>Thread-safe: everything it holds is immutable or only read, so one instance can serve every stream
 * thread (one per thread works too).
 */
public final class LureAssessor implements Assessor {
    private final PostAnalyzer analyzer;
    private final LureModel model;

    public LureAssessor(PostAnalyzer analyzer, LureModel model) {
        this.analyzer = analyzer;
        this.model = model;
    }

    @Override
    public Assessment assess(Post post) {
        Analysis a = analyzer.analyze(post);
        return assessment(post, a, probabilities(a));
    }

    /**
     * Scores a real text as if its source group had never calibrated the model (see
     * {@link LureModel#calibratorWithout}): what {@code eval} reports for real texts, so that no source is on both
     * sides. For any other post it is {@link #assess}.
     */
    public Assessment assessHeldOut(Post post, String group) {
        Analysis a = analyzer.analyze(post);
        return assessment(post, a, model.probabilities(a, model.calibratorWithout(group)));
    }

    /** Scores a post already analysed (by the same lexicons): lets a shadow model reuse the live model's analysis. */
    Assessment assess(Post post, Analysis a) {
        return assessment(post, a, probabilities(a));
    }

    private Assessment assessment(Post post, Analysis a, double[] p) {
        double score = clamp(1 - p[Calibrator.BENIGN]);
        Category category = score < Bands.DECISION ? Category.BENIGN : mostLikelyFlagged(p);
        return new Assessment(post.id(), category, round(score), Bands.of(score), a.language(),
                a.indicators().indicators(), a.extraction().contacts(), model.version());
    }

    /** Calibrated probabilities of lure, distress, benign, job scam ({@link Calibrator} indices) for an analysed post. */
    public double[] probabilities(Analysis a) {
        return model.probabilities(a);
    }

    /** The most probable of the categories that are not benign. */
    static Category mostLikelyFlagged(double[] p) {
        Category best = Category.LURE;
        double bestP = p[Calibrator.LURE];
        if (p[Calibrator.DISTRESS] > bestP) {
            best = Category.DISTRESS;
            bestP = p[Calibrator.DISTRESS];
        }
        if (p[Calibrator.JOB_SCAM] > bestP) {
            best = Category.JOB_SCAM;
        }
        return best;
    }

    public LureModel model() {
        return model;
    }

    public PostAnalyzer analyzer() {
        return analyzer;
    }

    @Override
    public String modelVersion() {
        return model.version();
    }

    private static double clamp(double s) {
        return Math.max(0.0, Math.min(1.0, s));
    }

    private static double round(double s) {
        return Math.round(s * 10000) / 10000.0;
    }
}
