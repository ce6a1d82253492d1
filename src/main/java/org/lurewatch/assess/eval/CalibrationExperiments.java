package org.lurewatch.assess.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lurewatch.assess.LureAssessor;
import org.lurewatch.assess.corpus.LabeledPost;
import org.lurewatch.assess.corpus.Split;
import org.lurewatch.assess.model.PostAnalyzer;
import org.lurewatch.assess.model.Trainer;

/**
 * How the detector's settings were chosen: each candidate (categorizer algorithm, categorizer on or off, weight
 * of real texts and L2 penalty of the calibration) is trained and scored on the real texts held out by source
 * group ({@link LureAssessor#assessHeldOut}), beside its synthetic test-split figures. The choice is made on the
 * real figures, not on the synthetic ones.
 */
public final class CalibrationExperiments {
    private CalibrationExperiments() {
    }

    /** The candidates compared; the first is the default. */
    static List<Trainer.Options> candidates(Trainer.Options base) {
        List<Trainer.Options> out = new ArrayList<>();
        out.add(base);
        out.add(base.withCategorizer(false));
        out.add(base.withFacts(false));
        out.add(base.withAlgorithm("NAIVEBAYES"));
        out.add(base.withAlgorithm("PERCEPTRON"));
        for (double realWeight : new double[] {0.0, 1.0, 6.0}) {
            out.add(base.withCalibration(realWeight, base.l2()));
        }
        for (double l2 : new double[] {0.0003, 0.03}) {
            out.add(base.withCalibration(base.realWeight(), l2));
        }
        out.add(base.withIterations(base.iterations(), 5));
        return out;
    }

    public static Map<String, ObjectNode> run(List<LabeledPost> corpus, List<LabeledPost> real, PostAnalyzer analyzer,
                                              Trainer.Options base) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        List<LabeledPost> evaluated = new ArrayList<>(Split.select(corpus, Split.TEST));
        evaluated.addAll(real);
        for (Trainer.Options o : candidates(base)) {
            Trainer.Result r = new Trainer(analyzer).train(corpus, real, "compare", o);
            LureAssessor assessor = new LureAssessor(analyzer, r.model());
            out.put(describe(o), Evaluator.report(Evaluator.predict(assessor, evaluated, false), r.model().version()));
        }
        return out;
    }

    static String describe(Trainer.Options o) {
        return String.format(Locale.ROOT, "%s%s%s cutoff %d, real x%.1f, L2 %s", o.useCategorizer() ? "" : "no categorizer, ",
                o.facts() ? "" : "no facts, ",
                o.algorithm().toLowerCase(Locale.ROOT), o.cutoff(), o.realWeight(), o.l2());
    }

    public static String table(Map<String, ObjectNode> reports) {
        StringBuilder sb = new StringBuilder();
        sb.append("| settings | real lure R | real distress R | real job_scam R | real look-alikes flagged | real to hotlines wrongly"
                + " | synth. lure F1 | synth. distress R | synth. benign flagged |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        reports.forEach((name, r) -> {
            JsonNode real = r.path("real");
            JsonNode syn = r.path("synthetic");
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", name,
                    Evaluator.num(real.at("/categories/lure/recall")), Evaluator.num(real.at("/categories/distress/recall")),
                    Evaluator.num(real.at("/categories/job_scam/recall")), Evaluator.num(real.at("/benignFlagged/rate")),
                    Evaluator.num(real.at("/hotlineFalseAlarms/rate")),
                    Evaluator.num(syn.at("/categories/lure/f1")), Evaluator.num(syn.at("/categories/distress/recall")),
                    Evaluator.num(syn.at("/benignFlagged/rate"))));
        });
        return sb.toString();
    }
}
