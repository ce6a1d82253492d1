package org.lurewatch.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.LureAssessor;
import org.lurewatch.assess.corpus.LabeledPost;
import org.lurewatch.assess.eval.Evaluator;
import org.lurewatch.assess.eval.Prediction;
import org.lurewatch.assess.model.LureModel;
import org.lurewatch.assess.model.PostAnalyzer;

/**
 * Two models on the same labelled posts, as {@code lurewatch models compare} shows them before a promotion: each
 * one's figures (real texts held out by source, synthetic apart), how often they agree, and the posts on which
 * exactly one of them is right.
 */
public record ModelComparison(String liveVersion, String candidateVersion, ObjectNode live, ObjectNode candidate,
                              long[][] agreement, long liveOnlyRight, long candidateOnlyRight, int posts) {

    public static ModelComparison of(PostAnalyzer analyzer, LureModel live, LureModel candidate, List<LabeledPost> posts) {
        List<Prediction> a = Evaluator.predict(new LureAssessor(analyzer, live), posts, false);
        List<Prediction> b = Evaluator.predict(new LureAssessor(analyzer, candidate), posts, false);
        int n = Category.values().length;
        long[][] agreement = new long[n][n];
        long liveOnly = 0;
        long candidateOnly = 0;
        for (int i = 0; i < a.size(); i++) {
            agreement[a.get(i).assessment().category().ordinal()][b.get(i).assessment().category().ordinal()]++;
            if (a.get(i).correct() && !b.get(i).correct()) {
                liveOnly++;
            } else if (!a.get(i).correct() && b.get(i).correct()) {
                candidateOnly++;
            }
        }
        return new ModelComparison(live.version(), candidate.version(), Evaluator.report(a, live.version()),
                Evaluator.report(b, candidate.version()), agreement, liveOnly, candidateOnly, posts.size());
    }

    /** The comparison for people. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d posts: live %s, candidate %s%n%n", posts, liveVersion, candidateVersion));
        for (String kind : new String[] {"real", "synthetic"}) {
            JsonNode l = live.path(kind);
            JsonNode c = candidate.path(kind);
            if (l.isMissingNode()) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%s (%d posts)%n%-34s %10s %10s%n", kind.equals("real")
                    ? "real texts, each held out by source" : "synthetic posts", l.path("posts").asInt(), "", "live", "candidate"));
            row(sb, "accuracy", l.path("accuracy"), c.path("accuracy"));
            for (String cat : new String[] {"lure", "distress", "job_scam"}) {
                row(sb, cat + " recall", l.at("/categories/" + cat + "/recall"), c.at("/categories/" + cat + "/recall"));
                row(sb, cat + " precision", l.at("/categories/" + cat + "/precision"), c.at("/categories/" + cat + "/precision"));
            }
            row(sb, "benign flagged", l.at("/benignFlagged/rate"), c.at("/benignFlagged/rate"));
            row(sb, "sent to a hotline wrongly", l.at("/hotlineFalseAlarms/rate"), c.at("/hotlineFalseAlarms/rate"));
            sb.append('\n');
        }
        sb.append("agreement (rows live, columns candidate)\n").append(String.format(Locale.ROOT, "%-10s", ""));
        for (Category c : Category.values()) {
            sb.append(String.format(Locale.ROOT, " %9s", c.wireName()));
        }
        sb.append('\n');
        for (Category r : Category.values()) {
            sb.append(String.format(Locale.ROOT, "%-10s", r.wireName()));
            for (Category c : Category.values()) {
                sb.append(String.format(Locale.ROOT, " %9d", agreement[r.ordinal()][c.ordinal()]));
            }
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%nright only with live: %d; right only with the candidate: %d%n", liveOnlyRight,
                candidateOnlyRight));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, JsonNode live, JsonNode candidate) {
        sb.append(String.format(Locale.ROOT, "%-34s %10s %10s%n", name, num(live), num(candidate)));
    }

    private static String num(JsonNode v) {
        return v == null || v.isMissingNode() || v.isNull() ? "n/a" : String.format(Locale.ROOT, "%.3f", v.asDouble());
    }
}
