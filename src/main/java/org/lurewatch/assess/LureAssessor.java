package org.lurewatch.assess;

import org.lurewatch.assess.model.Analysis;
import org.lurewatch.assess.model.Calibrator;
import org.lurewatch.assess.model.LureModel;
import org.lurewatch.assess.model.PostAnalyzer;
import org.lurewatch.ingest.Post;

/**
 * The assessor: rules and indicators ({@link PostAnalyzer}), the OpenNLP categorizer and the calibration
 * ({@link LureModel}), combined into one score, band and category.
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
        double[] p = probabilities(a);
        double score = clamp(1 - p[Calibrator.BENIGN]);
        Category category = score < Bands.DECISION ? Category.BENIGN
                : p[Calibrator.DISTRESS] > p[Calibrator.LURE] ? Category.DISTRESS : Category.LURE;
        return new Assessment(post.id(), category, round(score), Bands.of(score), a.language(),
                a.indicators().indicators(), a.extraction().contacts(), model.version());
    }

    /** Calibrated probabilities of lure, distress, benign for an analysed post. */
    public double[] probabilities(Analysis a) {
        double[] raw = model.categorize(a.tokens(), a.indicators().features());
        return model.calibrator().probabilities(Calibrator.inputs(raw, a.indicators()));
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
