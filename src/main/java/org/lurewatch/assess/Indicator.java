package org.lurewatch.assess;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * One explainable reason a post looks like a lure (or distress).
 *
 * @param code       stable code such as {@code HIGH_PAY_UNSKILLED}; never renamed once shipped
 * @param weight     contribution to the score (log-odds units)
 * @param label      a short English label for people
 * @param localLabel the label in the post's language, or null when we have none
 * @param evidence   spans of the original text
 */
public record Indicator(String code, double weight, String label, @JsonProperty("local_label") String localLabel, List<Evidence> evidence) {
    public Indicator {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        evidence = List.copyOf(evidence);
    }
}
