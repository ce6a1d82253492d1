package org.lurewatch.assess.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lurewatch.assess.Indicator;
import org.lurewatch.assess.indicator.IndicatorResult;
import org.lurewatch.kafka.Json;

/**
 * Multinomial logistic calibration: maps the categorizer's log-probabilities, the indicator weight sums per
 * group and each known indicator's weight to calibrated probabilities of lure, distress, benign and job scam.
 *
 * <p>The inputs are named ({@link #features()}) and stored with the weights, so a model trained with one set of
 * indicators keeps working when an override lexicon adds another (that one still counts through its group's
 * sum). It is fitted on data the categorizer never saw, real text included, so its confidence is measured, not
 * assumed: per-indicator weights let real posts say which explainable signals matter, which the categorizer,
 * trained on the synthetic corpus, cannot. Immutable.
 */
public final class Calibrator {
    public static final int LURE = 0;
    public static final int DISTRESS = 1;
    public static final int BENIGN = 2;
    public static final int JOB_SCAM = 3;
    static final int CLASSES = 4;
    /** The wire names of the classes, in index order. */
    static final List<String> CLASS_NAMES = List.of("lure", "distress", "benign", "job_scam");
    private static final double LOG_FLOOR = -12;
    /** The inputs every calibration has, before the per-indicator ones. */
    static final List<String> BASE_FEATURES = List.of("bias", "lp.lure", "lp.distress", "lp.benign", "lp.job_scam",
            "sum.lure", "sum.context", "sum.distress", "sum.job_scam", "sum.counter");
    private static final String INDICATOR_PREFIX = "ind.";
    /** Inputs that are 1 when the rules saw a cue, place kind, contact kind or pay level ("f.cue=KIN"), else 0. */
    private static final String FACT_PREFIX = "f.";

    private final List<String> features;
    private final Map<String, Integer> indicatorSlots;
    private final Map<String, Integer> factSlots;
    private final double[][] w; // [class][feature]

    Calibrator(List<String> features, double[][] w) {
        if (!features.subList(0, Math.min(features.size(), BASE_FEATURES.size())).equals(BASE_FEATURES)) {
            throw new IllegalArgumentException("calibration inputs must start with " + BASE_FEATURES);
        }
        if (w.length != CLASSES) {
            throw new IllegalArgumentException("calibration needs " + CLASSES + " rows of weights, has " + w.length);
        }
        this.features = List.copyOf(features);
        this.w = new double[CLASSES][];
        for (int k = 0; k < CLASSES; k++) {
            if (w[k].length != features.size()) {
                throw new IllegalArgumentException("calibration row " + k + " has " + w[k].length + " weights for "
                        + features.size() + " inputs");
            }
            this.w[k] = w[k].clone();
        }
        Map<String, Integer> slots = new HashMap<>();
        Map<String, Integer> facts = new HashMap<>();
        for (int j = BASE_FEATURES.size(); j < features.size(); j++) {
            String f = features.get(j);
            if (f.startsWith(INDICATOR_PREFIX)) {
                slots.put(f.substring(INDICATOR_PREFIX.length()), j);
            } else if (f.startsWith(FACT_PREFIX)) {
                facts.put(f.substring(FACT_PREFIX.length()), j);
            } else {
                throw new IllegalArgumentException("unknown calibration input '" + f + "'");
            }
        }
        this.indicatorSlots = Map.copyOf(slots);
        this.factSlots = Map.copyOf(facts);
    }

    /** The names of the inputs for a calibration over these indicator codes (and no facts). */
    static List<String> featureNames(List<String> indicatorCodes) {
        return featureNames(indicatorCodes, List.of());
    }

    /**
     * The names of the inputs for a calibration over these indicator codes and these facts: the categorizer
     * features that are not indicators ("cue=KIN", "place=hotspot", "contact=telegram", "pay=high", "quoted=lure").
     */
    static List<String> featureNames(List<String> indicatorCodes, List<String> facts) {
        List<String> names = new ArrayList<>(BASE_FEATURES);
        indicatorCodes.forEach(c -> names.add(INDICATOR_PREFIX + c));
        facts.forEach(f -> names.add(FACT_PREFIX + f));
        return names;
    }

    /** True for a categorizer feature that can be a fact input (anything but an indicator's own feature). */
    static boolean isFact(String feature) {
        return !feature.startsWith("ind=");
    }

    /** A starting point: model probabilities plus the group sums, each with weight 1 towards its class. */
    public static Calibrator identity(List<String> indicatorCodes) {
        List<String> names = featureNames(indicatorCodes);
        double[][] w = new double[CLASSES][names.size()];
        w[LURE][1] = 1;
        w[DISTRESS][2] = 1;
        w[BENIGN][3] = 1;
        w[JOB_SCAM][4] = 1;
        w[LURE][5] = 0.5;
        w[LURE][6] = 0.3;
        w[DISTRESS][6] = 0.3;
        w[DISTRESS][7] = 0.5;
        w[JOB_SCAM][8] = 0.5;
        w[BENIGN][9] = -0.5;
        return new Calibrator(names, w);
    }

    public List<String> features() {
        return features;
    }

    /** The calibration inputs for one post. */
    public double[] inputs(double[] modelProbs, IndicatorResult indicators) {
        double[] x = new double[features.size()];
        x[0] = 1;
        x[1] = Math.max(LOG_FLOOR, Math.log(modelProbs[LURE]));
        x[2] = Math.max(LOG_FLOOR, Math.log(modelProbs[DISTRESS]));
        x[3] = Math.max(LOG_FLOOR, Math.log(modelProbs[BENIGN]));
        x[4] = Math.max(LOG_FLOOR, Math.log(modelProbs[JOB_SCAM]));
        x[5] = indicators.lureWeight();
        x[6] = indicators.contextWeight();
        x[7] = indicators.distressWeight();
        x[8] = indicators.jobScamWeight();
        x[9] = indicators.counterWeight();
        for (Indicator i : indicators.indicators()) {
            Integer slot = indicatorSlots.get(i.code());
            if (slot != null) {
                x[slot] += i.weight();
            }
        }
        if (!factSlots.isEmpty()) {
            for (String f : indicators.features()) {
                Integer slot = factSlots.get(f);
                if (slot != null) {
                    x[slot] = 1;
                }
            }
        }
        return x;
    }

    /** Calibrated probabilities of lure, distress, benign, job scam. */
    public double[] probabilities(double[] x) {
        double[] p = new double[CLASSES];
        softmax(w, x, p);
        return p;
    }

    /**
     * Fits by full-batch gradient descent (Adam steps, fixed count, so deterministic) with L2 regularisation on
     * everything but the bias.
     *
     * @param xs           inputs from {@link #inputs}, each of {@code features.size()}
     * @param labels       class index of each row
     * @param rowWeights   weight of each row in the loss (class weights and real-text weights multiplied in)
     */
    public static Calibrator fit(List<String> features, List<double[]> xs, int[] labels, double[] rowWeights,
                                 double l2, int iterations) {
        int f = features.size();
        double[][] w = new double[CLASSES][f];
        double[][] m = new double[CLASSES][f];
        double[][] v = new double[CLASSES][f];
        double total = 0;
        for (double rw : rowWeights) {
            total += rw;
        }
        double rate = 0.05;
        double b1 = 0.9;
        double b2 = 0.999;
        double[] p = new double[CLASSES];
        for (int it = 1; it <= iterations; it++) {
            double[][] grad = new double[CLASSES][f];
            for (int i = 0; i < xs.size(); i++) {
                double[] x = xs.get(i);
                softmax(w, x, p);
                double rw = rowWeights[i] / total;
                for (int k = 0; k < CLASSES; k++) {
                    double err = rw * (p[k] - (labels[i] == k ? 1 : 0));
                    if (err == 0) {
                        continue;
                    }
                    double[] g = grad[k];
                    for (int j = 0; j < f; j++) {
                        g[j] += err * x[j];
                    }
                }
            }
            double c1 = 1 - Math.pow(b1, it);
            double c2 = 1 - Math.pow(b2, it);
            for (int k = 0; k < CLASSES; k++) {
                for (int j = 0; j < f; j++) {
                    double g = grad[k][j] + (j == 0 ? 0 : l2 * w[k][j]);
                    m[k][j] = b1 * m[k][j] + (1 - b1) * g;
                    v[k][j] = b2 * v[k][j] + (1 - b2) * g * g;
                    w[k][j] -= rate * (m[k][j] / c1) / (Math.sqrt(v[k][j] / c2) + 1e-8);
                }
            }
        }
        return new Calibrator(features, w);
    }

    private static void softmax(double[][] w, double[] x, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < CLASSES; k++) {
            double s = 0;
            double[] row = w[k];
            for (int j = 0; j < row.length; j++) {
                s += row[j] * x[j];
            }
            out[k] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int k = 0; k < CLASSES; k++) {
            out[k] = Math.exp(out[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < CLASSES; k++) {
            out[k] /= sum;
        }
    }

    /** The weight of one input towards one class, for the model card and tests. */
    public double weight(String cls, String feature) {
        int k = CLASS_NAMES.indexOf(cls);
        int j = features.indexOf(feature);
        if (k < 0 || j < 0) {
            throw new IllegalArgumentException("no weight for " + cls + "/" + feature);
        }
        return w[k][j];
    }

    public String toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode classes = root.putArray("classes");
        CLASS_NAMES.forEach(classes::add);
        ArrayNode names = root.putArray("inputs");
        features.forEach(names::add);
        ArrayNode rows = root.putArray("weights");
        for (double[] row : w) {
            ArrayNode a = rows.addArray();
            for (double v : row) {
                a.add(Math.round(v * 1e6) / 1e6);
            }
        }
        return root.toString();
    }

    public static Calibrator fromJson(String json) {
        try {
            JsonNode root = Json.mapper().readTree(json);
            JsonNode names = root.get("inputs");
            JsonNode rows = root.get("weights");
            if (names == null || !names.isArray() || rows == null || !rows.isArray()) {
                throw new IllegalArgumentException("needs 'inputs' and 'weights' arrays (a calibration from before"
                        + " version 2.0 of the model format; retrain with 'lurewatch train')");
            }
            List<String> features = new ArrayList<>();
            names.forEach(n -> features.add(n.asText()));
            double[][] w = new double[CLASSES][features.size()];
            for (int k = 0; k < CLASSES; k++) {
                JsonNode row = rows.get(k);
                if (row == null || row.size() != features.size()) {
                    throw new IllegalArgumentException("weight row " + k + " missing or of the wrong length");
                }
                for (int j = 0; j < features.size(); j++) {
                    JsonNode v = row.get(j);
                    if (v == null || !v.isNumber()) {
                        throw new IllegalArgumentException("weight [" + k + "][" + j + "] missing");
                    }
                    w[k][j] = v.asDouble();
                }
            }
            return new Calibrator(features, w);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable calibration: " + e.getMessage(), e);
        }
    }
}
