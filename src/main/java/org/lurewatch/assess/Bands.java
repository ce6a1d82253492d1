package org.lurewatch.assess;

/**
 * Score thresholds. The score is the calibrated probability that a post is not benign (lure or distress).
 * A post is flagged (category lure or distress) at {@link #DECISION} and above, so every flagged post is at
 * least {@code high}; {@code medium} marks benign posts worth a second look. See models/README.md.
 */
public final class Bands {
    /** Below: low. */
    public static final double MEDIUM = 0.30;
    /** At and above: flagged, band high. */
    public static final double DECISION = 0.50;
    /** At and above: critical. */
    public static final double CRITICAL = 0.85;

    private Bands() {
    }

    public static Band of(double score) {
        if (score >= CRITICAL) {
            return Band.CRITICAL;
        }
        if (score >= DECISION) {
            return Band.HIGH;
        }
        if (score >= MEDIUM) {
            return Band.MEDIUM;
        }
        return Band.LOW;
    }
}
