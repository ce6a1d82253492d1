package org.lurewatch.assess.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.lurewatch.assess.Assessor;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.corpus.LabeledPost;
import org.lurewatch.kafka.Json;

/**
 * Scores labelled posts and reports per-category precision, recall and F1, recall per language, the
 * false-positive rate on hard negatives and on all benign posts, the confusion matrix and the worst mistakes.
 */
public final class Evaluator {
    private static final int WORST = 10;

    private Evaluator() {
    }

    /**
     * @param useLanguageHint pass the file's {@code lang} to the assessor as the feed's hint (off by default:
     *                        language detection is part of what is measured)
     */
    public static List<Prediction> predict(Assessor assessor, List<LabeledPost> posts, boolean useLanguageHint) {
        List<Prediction> out = new ArrayList<>(posts.size());
        for (LabeledPost p : posts) {
            out.add(new Prediction(p, assessor.assess(p.toPost(useLanguageHint))));
        }
        return out;
    }

    /** The report as JSON: categories, languages, hard negatives, confusion, worst mistakes. */
    public static ObjectNode report(List<Prediction> predictions, String modelVersion) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("modelVersion", modelVersion);
        root.put("posts", predictions.size());
        long correct = predictions.stream().filter(Prediction::correct).count();
        root.put("accuracy", ratio(correct, predictions.size()));
        ObjectNode cats = root.putObject("categories");
        for (Category c : Category.values()) {
            long tp = predictions.stream().filter(p -> p.post().label() == c && p.assessment().category() == c).count();
            long fp = predictions.stream().filter(p -> p.post().label() != c && p.assessment().category() == c).count();
            long fn = predictions.stream().filter(p -> p.post().label() == c && p.assessment().category() != c).count();
            long support = tp + fn;
            ObjectNode o = cats.putObject(c.wireName());
            double precision = tp + fp == 0 ? (support == 0 ? 1.0 : 0.0) : (double) tp / (tp + fp);
            double recall = support == 0 ? 1.0 : (double) tp / support;
            o.put("precision", round(precision));
            o.put("recall", round(recall));
            o.put("f1", round(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)));
            o.put("support", support);
        }
        ObjectNode langs = root.putObject("languages");
        Map<String, List<Prediction>> byLang = new TreeMap<>();
        for (Prediction p : predictions) {
            String lang = p.post().lang() == null ? p.assessment().language() : p.post().lang();
            byLang.computeIfAbsent(lang, k -> new ArrayList<>()).add(p);
        }
        byLang.forEach((lang, ps) -> {
            ObjectNode l = langs.putObject(lang);
            for (Category c : Category.values()) {
                long support = ps.stream().filter(p -> p.post().label() == c).count();
                if (support == 0) {
                    continue;
                }
                long tp = ps.stream().filter(p -> p.post().label() == c && p.assessment().category() == c).count();
                ObjectNode o = l.putObject(c.wireName());
                o.put("recall", round((double) tp / support));
                o.put("support", support);
            }
            long detected = ps.stream().filter(p -> p.assessment().language().equals(lang)).count(); // vacuous without a file lang
            l.put("languageDetected", round((double) detected / ps.size()));
        });
        List<Prediction> benign = predictions.stream().filter(p -> p.post().label() == Category.BENIGN).toList();
        List<Prediction> hard = benign.stream().filter(p -> p.post().hard()).toList();
        ObjectNode hn = root.putObject("hardNegatives");
        hn.put("posts", hard.size());
        long hardFlagged = hard.stream().filter(p -> p.assessment().category() != Category.BENIGN).count();
        hn.put("flagged", hardFlagged);
        hn.put("falsePositiveRate", ratio(hardFlagged, hard.size()));
        ObjectNode bn = root.putObject("benign");
        long benignFlagged = benign.stream().filter(p -> p.assessment().category() != Category.BENIGN).count();
        bn.put("posts", benign.size());
        bn.put("flagged", benignFlagged);
        bn.put("falsePositiveRate", ratio(benignFlagged, benign.size()));
        ObjectNode confusion = root.putObject("confusion");
        for (Category actual : Category.values()) {
            ObjectNode row = confusion.putObject(actual.wireName());
            for (Category predicted : Category.values()) {
                row.put(predicted.wireName(), predictions.stream()
                        .filter(p -> p.post().label() == actual && p.assessment().category() == predicted).count());
            }
        }
        ArrayNode worst = root.putArray("worstMistakes");
        // the most confident mistakes, at most half of the list from any one kind (false alarm, miss, mix-up)
        Map<String, Integer> perKind = new java.util.HashMap<>();
        predictions.stream().filter(p -> !p.correct())
                .sorted(Comparator.comparingDouble(Evaluator::badness).reversed()
                        .thenComparing(p -> p.post().id()))
                .filter(p -> perKind.merge(p.post().label() + ">" + p.assessment().category(), 1, Integer::sum) <= WORST / 2)
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
        return root;
    }

    /** How wrong a mistake is: confidence in the wrong direction. */
    private static double badness(Prediction p) {
        double s = p.assessment().score();
        return p.post().label() == Category.BENIGN ? s : p.assessment().category() == Category.BENIGN ? 1 - s : 0.5;
    }

    /** The report for people. */
    public static String text(ObjectNode r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "model %s, %d posts, accuracy %.3f%n%n", r.path("modelVersion").asText(),
                r.path("posts").asInt(), r.path("accuracy").asDouble()));
        sb.append(String.format(Locale.ROOT, "%-10s %9s %9s %9s %8s%n", "category", "precision", "recall", "f1", "support"));
        r.path("categories").fields().forEachRemaining(e -> sb.append(String.format(Locale.ROOT, "%-10s %9.3f %9.3f %9.3f %8d%n",
                e.getKey(), e.getValue().path("precision").asDouble(), e.getValue().path("recall").asDouble(),
                e.getValue().path("f1").asDouble(), e.getValue().path("support").asInt())));
        sb.append(String.format(Locale.ROOT, "%nhard negatives: %d, flagged %d, false-positive rate %.3f%n",
                r.path("hardNegatives").path("posts").asInt(), r.path("hardNegatives").path("flagged").asInt(),
                r.path("hardNegatives").path("falsePositiveRate").asDouble()));
        sb.append(String.format(Locale.ROOT, "all benign: %d, flagged %d, false-positive rate %.3f%n",
                r.path("benign").path("posts").asInt(), r.path("benign").path("flagged").asInt(),
                r.path("benign").path("falsePositiveRate").asDouble()));
        sb.append(String.format(Locale.ROOT, "%nrecall per language (support)%n%-6s %14s %14s %14s %9s%n", "lang", "lure", "distress", "benign", "lang-id"));
        r.path("languages").fields().forEachRemaining(e -> {
            sb.append(String.format(Locale.ROOT, "%-6s", e.getKey()));
            for (String c : new String[] {"lure", "distress", "benign"}) {
                var o = e.getValue().path(c);
                sb.append(o.isMissingNode() ? String.format(Locale.ROOT, " %14s", "-")
                        : String.format(Locale.ROOT, " %8.3f (%3d)", o.path("recall").asDouble(), o.path("support").asInt()));
            }
            sb.append(String.format(Locale.ROOT, " %9.3f%n", e.getValue().path("languageDetected").asDouble()));
        });
        sb.append(String.format(Locale.ROOT, "%nconfusion (rows actual, columns predicted)%n%-10s %8s %8s %8s%n", "", "lure", "distress", "benign"));
        r.path("confusion").fields().forEachRemaining(e -> sb.append(String.format(Locale.ROOT, "%-10s %8d %8d %8d%n", e.getKey(),
                e.getValue().path("lure").asInt(), e.getValue().path("distress").asInt(), e.getValue().path("benign").asInt())));
        sb.append(String.format(Locale.ROOT, "%nworst mistakes%n"));
        r.path("worstMistakes").forEach(w -> sb.append(String.format(Locale.ROOT, "  %s [%s] %s -> %s (%.3f) %s%n    %s%n",
                w.path("id").asText(), w.path("lang").asText(), w.path("actual").asText(), w.path("predicted").asText(),
                w.path("score").asDouble(), w.path("indicators"), w.path("text").asText().replace('\n', ' '))));
        return sb.toString();
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0.0 : round((double) a / b);
    }

    private static double round(double d) {
        return Math.round(d * 10000) / 10000.0;
    }
}
