package org.lurewatch.assess.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.lurewatch.assess.Assessor;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.LureAssessor;
import org.lurewatch.assess.corpus.LabeledPost;
import org.lurewatch.kafka.Json;

/**
 * Scores labelled posts and reports, for real texts and synthetic posts separately: precision, recall and F1 per
 * category with support ("n/a", JSON null, where a figure has no support), recall per language, how often benign
 * posts are flagged (look-alikes, hard negatives), figures per source group of real texts, the confusion matrix
 * and the worst mistakes.
 *
 * <p>A real text whose source group calibrated the model is scored with the calibration fitted without that
 * group ({@link LureAssessor#assessHeldOut}), so every real-text figure comes from held-out sources.
 */
public final class Evaluator {
    private static final int WORST = 12;
    /** Report order of the categories: the two that reach hotlines first. */
    public static final List<Category> ORDER = List.of(Category.LURE, Category.DISTRESS, Category.JOB_SCAM, Category.BENIGN);

    private Evaluator() {
    }

    /**
     * @param useLanguageHint pass the file's {@code lang} to the assessor as the feed's hint (off by default:
     *                        language detection is part of what is measured)
     */
    public static List<Prediction> predict(Assessor assessor, List<LabeledPost> posts, boolean useLanguageHint) {
        List<Prediction> out = new ArrayList<>(posts.size());
        for (LabeledPost p : posts) {
            var post = p.toPost(useLanguageHint);
            out.add(new Prediction(p, p.real() && assessor instanceof LureAssessor lure
                    ? lure.assessHeldOut(post, p.group()) : assessor.assess(post)));
        }
        return out;
    }

    /**
     * The report: one section per kind of text present ({@code real}, {@code synthetic}), each with the figures
     * of {@link #section}.
     */
    public static ObjectNode report(List<Prediction> predictions, String modelVersion) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("modelVersion", modelVersion);
        root.put("posts", predictions.size());
        List<Prediction> real = predictions.stream().filter(p -> p.post().real()).toList();
        List<Prediction> synthetic = predictions.stream().filter(p -> !p.post().real()).toList();
        if (!real.isEmpty()) {
            root.set("real", section(real));
        }
        if (!synthetic.isEmpty()) {
            root.set("synthetic", section(synthetic));
        }
        return root;
    }

    /** Figures for one set of predictions. */
    public static ObjectNode section(List<Prediction> predictions) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("posts", predictions.size());
        root.put("accuracy", ratio(predictions.stream().filter(Prediction::correct).count(), predictions.size()));
        ObjectNode cats = root.putObject("categories");
        for (Category c : ORDER) {
            cats.set(c.wireName(), categoryFigures(predictions, c));
        }
        List<Prediction> benign = predictions.stream().filter(p -> p.post().label() == Category.BENIGN).toList();
        root.set("benignFlagged", flagged(benign));
        root.set("hardNegativesFlagged", flagged(benign.stream().filter(p -> p.post().hard()).toList()));
        root.set("hotlineFalseAlarms", hotlineFalseAlarms(predictions));
        root.set("languages", byKey(predictions, p -> p.post().lang() == null ? p.assessment().language() : p.post().lang(), true));
        if (predictions.stream().anyMatch(p -> p.post().real())) {
            root.set("groups", byKey(predictions, p -> p.post().group() == null ? "-" : p.post().group(), false));
        }
        ObjectNode confusion = root.putObject("confusion");
        for (Category actual : ORDER) {
            ObjectNode row = confusion.putObject(actual.wireName());
            for (Category predicted : ORDER) {
                row.put(predicted.wireName(), predictions.stream()
                        .filter(p -> p.post().label() == actual && p.assessment().category() == predicted).count());
            }
        }
        root.set("worstMistakes", worst(predictions));
        return root;
    }

    private static ObjectNode categoryFigures(List<Prediction> predictions, Category c) {
        long tp = predictions.stream().filter(p -> p.post().label() == c && p.assessment().category() == c).count();
        long fp = predictions.stream().filter(p -> p.post().label() != c && p.assessment().category() == c).count();
        long support = predictions.stream().filter(p -> p.post().label() == c).count();
        ObjectNode o = Json.mapper().createObjectNode();
        Double precision = tp + fp == 0 ? null : (double) tp / (tp + fp);
        Double recall = support == 0 ? null : (double) tp / support;
        putOrNull(o, "precision", precision);
        putOrNull(o, "recall", recall);
        putOrNull(o, "f1", precision == null || recall == null ? null
                : precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall));
        o.put("support", support);
        o.put("predicted", tp + fp);
        return o;
    }

    /** Posts flagged (any category but benign) among these benign ones. */
    private static ObjectNode flagged(List<Prediction> benign) {
        ObjectNode o = Json.mapper().createObjectNode();
        long flagged = benign.stream().filter(p -> p.assessment().category().flagged()).count();
        o.put("posts", benign.size());
        o.put("flagged", flagged);
        putOrNull(o, "rate", benign.isEmpty() ? null : (double) flagged / benign.size());
        return o;
    }

    /**
     * What reaches a trafficking hotline wrongly: benign or job-scam posts predicted lure or distress. A job scam
     * must reach the platform, never wake a hotline.
     */
    private static ObjectNode hotlineFalseAlarms(List<Prediction> predictions) {
        List<Prediction> notForHotlines = predictions.stream()
                .filter(p -> p.post().label() == Category.BENIGN || p.post().label() == Category.JOB_SCAM).toList();
        long alarms = notForHotlines.stream().filter(p -> p.assessment().category() == Category.LURE
                || p.assessment().category() == Category.DISTRESS).count();
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("posts", notForHotlines.size());
        o.put("alarms", alarms);
        putOrNull(o, "rate", notForHotlines.isEmpty() ? null : (double) alarms / notForHotlines.size());
        return o;
    }

    /** Recall per category and benign flagged, per language or per source group. */
    private static ObjectNode byKey(List<Prediction> predictions, Function<Prediction, String> key, boolean languages) {
        Map<String, List<Prediction>> grouped = new TreeMap<>();
        predictions.forEach(p -> grouped.computeIfAbsent(key.apply(p), k -> new ArrayList<>()).add(p));
        ObjectNode out = Json.mapper().createObjectNode();
        grouped.forEach((k, ps) -> {
            ObjectNode o = out.putObject(k);
            o.put("posts", ps.size());
            for (Category c : ORDER) {
                long support = ps.stream().filter(p -> p.post().label() == c).count();
                long tp = ps.stream().filter(p -> p.post().label() == c && p.assessment().category() == c).count();
                ObjectNode f = o.putObject(c.wireName());
                f.put("support", support);
                if (c == Category.BENIGN) {
                    long flagged = ps.stream().filter(p -> p.post().label() == c && p.assessment().category().flagged()).count();
                    putOrNull(f, "flaggedRate", support == 0 ? null : (double) flagged / support);
                } else {
                    putOrNull(f, "recall", support == 0 ? null : (double) tp / support);
                }
            }
            if (languages) {
                long detected = ps.stream().filter(p -> sameLanguage(p.assessment().language(), k)).count();
                o.put("languageDetected", ratio(detected, ps.size()));
            } else {
                o.put("correct", ps.stream().filter(Prediction::correct).count());
            }
        });
        return out;
    }

    /** The file's language against the detected one; zh-Hant is Chinese to the detector. */
    static boolean sameLanguage(String detected, String fileLang) {
        String base = fileLang.toLowerCase(Locale.ROOT);
        int dash = base.indexOf('-');
        return detected.equals(dash > 0 ? base.substring(0, dash) : base);
    }

    private static ArrayNode worst(List<Prediction> predictions) {
        ArrayNode worst = Json.mapper().createArrayNode();
        // the most confident mistakes, at most a third of the list from any one kind (false alarm, miss, mix-up)
        Map<String, Integer> perKind = new HashMap<>();
        predictions.stream().filter(p -> !p.correct())
                .sorted(Comparator.comparingDouble(Evaluator::badness).reversed().thenComparing(p -> p.post().id()))
                .filter(p -> perKind.merge(p.post().label() + ">" + p.assessment().category(), 1, Integer::sum) <= WORST / 3)
                .limit(WORST)
                .forEach(p -> {
                    ObjectNode w = worst.addObject();
                    w.put("id", p.post().id());
                    w.put("lang", p.post().lang());
                    w.put("actual", p.post().label().wireName());
                    w.put("predicted", p.assessment().category().wireName());
                    w.put("score", p.assessment().score());
                    w.put("hard", p.post().hard());
                    ArrayNode ind = w.putArray("indicators");
                    p.assessment().indicators().forEach(i -> ind.add(i.code()));
                    String text = (p.post().title().isEmpty() ? "" : p.post().title() + " | ") + p.post().text();
                    w.put("text", text.length() > 160 ? text.substring(0, 160) + "…" : text);
                });
        return worst;
    }

    /** How wrong a mistake is: confidence in the wrong direction. */
    private static double badness(Prediction p) {
        double s = p.assessment().score();
        return p.post().label() == Category.BENIGN ? s : p.assessment().category() == Category.BENIGN ? 1 - s : 0.5;
    }

    /** The report for people. */
    public static String text(ObjectNode r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "model %s, %d posts%n", r.path("modelVersion").asText(), r.path("posts").asInt()));
        for (String kind : new String[] {"real", "synthetic"}) {
            JsonNode s = r.path(kind);
            if (s.isMissingNode()) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%n== %s: %d posts, accuracy %s%n", kind.equals("real")
                    ? "real texts (each scored by the calibration that never saw its source)" : "synthetic posts",
                    s.path("posts").asInt(), num(s.path("accuracy"))));
            sectionText(sb, s, kind.equals("real"));
        }
        return sb.toString();
    }

    private static void sectionText(StringBuilder sb, JsonNode s, boolean real) {
        sb.append(String.format(Locale.ROOT, "%-10s %9s %9s %9s %8s%n", "category", "precision", "recall", "f1", "support"));
        s.path("categories").fields().forEachRemaining(e -> sb.append(String.format(Locale.ROOT, "%-10s %9s %9s %9s %8d%n",
                e.getKey(), num(e.getValue().path("precision")), num(e.getValue().path("recall")),
                num(e.getValue().path("f1")), e.getValue().path("support").asInt())));
        flaggedLine(sb, real ? "look-alikes (benign) flagged" : "all benign flagged", s.path("benignFlagged"));
        if (s.path("hardNegativesFlagged").path("posts").asInt() > 0) {
            flaggedLine(sb, "hard negatives flagged", s.path("hardNegativesFlagged"));
        }
        JsonNode h = s.path("hotlineFalseAlarms");
        sb.append(String.format(Locale.ROOT, "benign or job-scam posts sent to hotlines: %d of %d, rate %s%n",
                h.path("alarms").asInt(), h.path("posts").asInt(), num(h.path("rate"))));
        table(sb, "per language: recall (support); benign flagged (support)", "lang", s.path("languages"), "lang-id", "languageDetected");
        if (real) {
            ObjectNode missed = Json.mapper().createObjectNode();
            s.path("groups").fields().forEachRemaining(e -> {
                if (e.getValue().path("correct").asInt() < e.getValue().path("posts").asInt()) {
                    missed.set(e.getKey(), e.getValue());
                }
            });
            table(sb, String.format(Locale.ROOT, "per source group with a mistake (%d of %d groups; --json lists all)",
                    missed.size(), s.path("groups").size()), "group", missed, "correct", "correct");
        }
        sb.append(String.format(Locale.ROOT, "%nconfusion (rows actual, columns predicted)%n%-10s", ""));
        ORDER.forEach(c -> sb.append(String.format(Locale.ROOT, " %9s", c.wireName())));
        sb.append('\n');
        s.path("confusion").fields().forEachRemaining(e -> {
            sb.append(String.format(Locale.ROOT, "%-10s", e.getKey()));
            ORDER.forEach(c -> sb.append(String.format(Locale.ROOT, " %9d", e.getValue().path(c.wireName()).asInt())));
            sb.append('\n');
        });
        sb.append(String.format(Locale.ROOT, "%nworst mistakes%n"));
        s.path("worstMistakes").forEach(w -> sb.append(String.format(Locale.ROOT, "  %s [%s] %s -> %s (%.3f) %s%n    %s%n",
                w.path("id").asText(), w.path("lang").asText(), w.path("actual").asText(), w.path("predicted").asText(),
                w.path("score").asDouble(), w.path("indicators"), w.path("text").asText().replace('\n', ' '))));
    }

    private static void flaggedLine(StringBuilder sb, String what, JsonNode f) {
        sb.append(String.format(Locale.ROOT, "%s: %d of %d, rate %s%n", what, f.path("flagged").asInt(),
                f.path("posts").asInt(), num(f.path("rate"))));
    }

    private static void table(StringBuilder sb, String title, String keyName, JsonNode rows, String lastName, String lastField) {
        sb.append(String.format(Locale.ROOT, "%n%s%n%-24s %13s %13s %13s %13s %8s%n", title, keyName, "lure", "distress",
                "job_scam", "benign fl.", lastName));
        rows.fields().forEachRemaining(e -> {
            String key = e.getKey();
            sb.append(String.format(Locale.ROOT, "%-24s", key.length() > 24 ? key.substring(0, 24) : key));
            for (Category c : ORDER) {
                JsonNode o = e.getValue().path(c.wireName());
                int support = o.path("support").asInt();
                JsonNode v = o.path(c == Category.BENIGN ? "flaggedRate" : "recall");
                sb.append(support == 0 ? String.format(Locale.ROOT, " %13s", "n/a")
                        : String.format(Locale.ROOT, " %7s (%3d)", num(v), support));
            }
            JsonNode last = e.getValue().path(lastField);
            sb.append(String.format(Locale.ROOT, " %8s%n", last.isIntegralNumber() ? last.asText() + "/" + e.getValue().path("posts").asInt() : num(last)));
        });
    }

    /** A figure with three decimals, or "n/a" where it has no support. */
    static String num(JsonNode v) {
        return v == null || v.isMissingNode() || v.isNull() ? "n/a" : String.format(Locale.ROOT, "%.3f", v.asDouble());
    }

    private static void putOrNull(ObjectNode o, String field, Double v) {
        if (v == null) {
            o.putNull(field);
        } else {
            o.put(field, round(v));
        }
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0.0 : round((double) a / b);
    }

    private static double round(double d) {
        return Math.round(d * 10000) / 10000.0;
    }
}
