package org.lurewatch.assess.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.lurewatch.kafka.Json;

/**
 * Multinomial logistic calibration: maps the categorizer's log-probabilities and the indicator weight sums
 * (lure, distress, counter, context) to calibrated probabilities of lure, distress and benign. Fitted on the dev split,
 * which the categorizer never saw, so its confidence is measured, not assumed. Immutable.
 */
public final class Calibrator {
    public static final int LURE = 0;
    public static final int DISTRESS = 1;
    public static final int BENIGN = 2;
    static final int FEATURES = 8;
    private static final double LOG_FLOOR = -12;

    private final double[][] w; // [class][feature]

    Calibrator(double[][] w) {
        if (w.length != 3 || w[0].length != FEATURES) {
            throw new IllegalArgumentException("calibration needs 3 x " + FEATURES + " weights");
        }
        this.w = new double[3][];
        for (int k = 0; k < 3; k++) {
            this.w[k] = w[k].clone();
        }
    }

    /** The identity-like calibration: model probabilities plus indicator sums with weight 1. */
    public static Calibrator identity() {
        double[][] w = new double[3][FEATURES];
        w[LURE][1] = 1;
        w[DISTRESS][2] = 1;
        w[BENIGN][3] = 1;
        w[LURE][4] = 0.5;
        w[DISTRESS][5] = 0.5;
        w[BENIGN][6] = -0.5;
        w[BENIGN][7] = -0.5;
        return new Calibrator(w);
    }

    /** The calibration inputs for one post. */
    public static double[] inputs(double[] modelProbs, org.lurewatch.assess.indicator.IndicatorResult indicators) {
        return new double[] {1,
                Math.max(LOG_FLOOR, Math.log(modelProbs[LURE])),
                Math.max(LOG_FLOOR, Math.log(modelProbs[DISTRESS])),
                Math.max(LOG_FLOOR, Math.log(modelProbs[BENIGN])),
                indicators.lureWeight(), indicators.distressWeight(), indicators.counterWeight(), indicators.contextWeight()};
    }

    /** Calibrated probabilities of lure, distress, benign. */
    public double[] probabilities(double[] x) {
        double[] z = new double[3];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 3; k++) {
            double s = 0;
            for (int j = 0; j < FEATURES; j++) {
                s += w[k][j] * x[j];
            }
            z[k] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < 3; k++) {
            z[k] /= sum;
        }
        return z;
    }

    /** How much one unit of lure-indicator weight moves the log-odds of lure against benign. */
    public double lureIndicatorScale() {
        return w[LURE][4] - w[BENIGN][4];
    }

    /**
     * Fits by full-batch gradient descent with L2 regularisation (not on the bias); deterministic.
     *
     * @param xs     inputs from {@link #inputs}
     * @param labels class index of each row
     */
    public static Calibrator fit(List<double[]> xs, int[] labels, double l2, int iterations) {
        return fit(xs, labels, new double[] {1, 1, 1}, l2, iterations);
    }

    /**
     * As above, with a weight per class in the loss: a missed distress post (someone asking for rescue) costs
     * more than a benign post sent to a hotline for a look.
     */
    public static Calibrator fit(List<double[]> xs, int[] labels, double[] classWeights, double l2, int iterations) {
        double[][] w = identity().w;
        int n = xs.size();
        double rate = 0.1;
        for (int it = 0; it < iterations; it++) {
            double[][] grad = new double[3][FEATURES];
            Calibrator c = new Calibrator(w);
            for (int i = 0; i < n; i++) {
                double[] x = xs.get(i);
                double[] p = c.probabilities(x);
                double cw = classWeights[labels[i]];
                for (int k = 0; k < 3; k++) {
                    double err = cw * (p[k] - (labels[i] == k ? 1 : 0));
                    for (int j = 0; j < FEATURES; j++) {
                        grad[k][j] += err * x[j] / n;
                    }
                }
            }
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < FEATURES; j++) {
                    double reg = j == 0 ? 0 : l2 * w[k][j];
                    w[k][j] -= rate * (grad[k][j] + reg);
                }
            }
        }
        return new Calibrator(w);
    }

    public String toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("inputs", "bias, ln p(lure), ln p(distress), ln p(benign), lure weight, distress weight, counter weight, context weight");
        ArrayNode rows = root.putArray("weights");
        for (double[] row : w) {
            ArrayNode a = rows.addArray();
            for (double v : row) {
                a.add(v);
            }
        }
        return root.toString();
    }

    public static Calibrator fromJson(String json) {
        try {
            JsonNode rows = Json.mapper().readTree(json).get("weights");
            double[][] w = new double[3][FEATURES];
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < FEATURES; j++) {
                    JsonNode v = rows.get(k).get(j);
                    if (v == null || !v.isNumber()) {
                        throw new IllegalArgumentException("weight [" + k + "][" + j + "] missing");
                    }
                    w[k][j] = v.asDouble();
                }
            }
            return new Calibrator(w);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable calibration: " + e.getMessage(), e);
        }
    }
}
