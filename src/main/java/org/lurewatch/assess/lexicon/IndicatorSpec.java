package org.lurewatch.assess.lexicon;

import java.util.Objects;

/**
 * The definition of one indicator: a stable code, its weight in log-odds units before calibration, its
 * English label and what it speaks for.
 */
public record IndicatorSpec(String code, double weight, String label, IndicatorGroup group) {
    public IndicatorSpec {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(group, "group");
    }
}
