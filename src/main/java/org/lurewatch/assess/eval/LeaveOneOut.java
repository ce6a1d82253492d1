package org.lurewatch.assess.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.lurewatch.assess.LureAssessor;
import org.lurewatch.assess.corpus.LabeledPost;
import org.lurewatch.assess.model.PostAnalyzer;
import org.lurewatch.assess.model.Trainer;

/**
 * The generalisation check of the model card: for each group of posts (the corpus file, taken from the id
 * prefix: {@code b-vi-0012} is in {@code b-vi}), train on all the others and score that group, so the model
 * has never seen a word of it and the lexicons and indicators must carry it.
 */
public final class LeaveOneOut {
    private LeaveOneOut() {
    }

    /** The group of a post: its id without the trailing number. */
    static String group(String id) {
        int dash = id.lastIndexOf('-');
        return dash > 0 ? id.substring(0, dash) : id;
    }

    /** One report per held-out group, in group order. */
    public static Map<String, ObjectNode> run(List<LabeledPost> corpus, PostAnalyzer analyzer, int iterations, int cutoff) {
        Map<String, List<LabeledPost>> groups = new TreeMap<>();
        for (LabeledPost p : corpus) {
            groups.computeIfAbsent(group(p.id()), k -> new ArrayList<>()).add(p);
        }
        Map<String, ObjectNode> out = new TreeMap<>();
        for (Map.Entry<String, List<LabeledPost>> g : groups.entrySet()) {
            List<LabeledPost> train = corpus.stream().filter(p -> !group(p.id()).equals(g.getKey())).toList();
            Trainer.Result r = new Trainer(analyzer).train(train, "leave-out-" + g.getKey(), iterations, cutoff);
            LureAssessor assessor = new LureAssessor(analyzer, r.model());
            out.put(g.getKey(), Evaluator.report(Evaluator.predict(assessor, g.getValue(), false), r.model().version()));
        }
        return out;
    }

    /** The table of the model card. */
    public static String table(Map<String, ObjectNode> reports) {
        StringBuilder sb = new StringBuilder();
        sb.append("| held-out file | lure recall | lure precision | distress recall | hard-neg. FPR | accuracy |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        reports.forEach((group, r) -> sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f |%n", group,
                r.at("/synthetic/categories/lure/recall").asDouble(), r.at("/synthetic/categories/lure/precision").asDouble(),
                r.at("/synthetic/categories/distress/recall").asDouble(), r.at("/synthetic/hardNegativesFlagged/rate").asDouble(),
                r.at("/synthetic/accuracy").asDouble())));
        return sb.toString();
    }
}
