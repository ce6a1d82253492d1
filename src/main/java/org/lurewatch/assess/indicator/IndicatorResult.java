package org.lurewatch.assess.indicator;

import java.util.List;
import org.lurewatch.assess.Indicator;

/**
 * The indicators that fired for one post, the sum of their weights per group (the calibrator's inputs),
 * and the features they give the document categorizer.
 */
public record IndicatorResult(List<Indicator> indicators, double lureWeight, double contextWeight,
                              double distressWeight, double jobScamWeight, double counterWeight, List<String> features) {
    public IndicatorResult {
        indicators = List.copyOf(indicators);
        features = List.copyOf(features);
    }
}
