package org.lurewatch.assess.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The folds of real texts: a real text's fold depends only on a hash of its source group (its publisher), so
 * every text of one source is on the same side of every split, and adding texts never moves old ones. The model
 * file carries one calibration per fold, fitted without that fold.
 */
public final class RealFolds {
    public static final int FOLDS = 5;
    /** Manifest key of the source groups whose texts calibrated the model, one per line. */
    public static final String GROUPS_KEY = "lurewatch.real.groups";
    private static final String CALIBRATION_PREFIX = "lurewatch.calibration.fold";

    private RealFolds() {
    }

    /** The fold of a source group. */
    public static int of(String group) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(group.getBytes(StandardCharsets.UTF_8));
            long v = ((h[0] & 0xFFL) << 24) | ((h[1] & 0xFFL) << 16) | ((h[2] & 0xFFL) << 8) | (h[3] & 0xFFL);
            return (int) (v % FOLDS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String calibrationKey(int fold) {
        return CALIBRATION_PREFIX + fold;
    }
}
