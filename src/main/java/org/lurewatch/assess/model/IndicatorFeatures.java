package org.lurewatch.assess.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * The indicators, cues, places and contact kinds found by the rules, passed in the categorizer's extra
 * information under {@link #KEY} ("ind=PAID_TRAVEL", "cue=JOB_OFFER", "place=hotspot"...). Stateless.
 */
public final class IndicatorFeatures implements FeatureGenerator {
    public static final String KEY = "lurewatch.features";

    public IndicatorFeatures() {
    }

    @Override
    @SuppressWarnings("unchecked")
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        if (extraInformation == null) {
            return List.of();
        }
        Object f = extraInformation.get(KEY);
        return f instanceof List<?> list ? (List<String>) list : List.of();
    }
}
