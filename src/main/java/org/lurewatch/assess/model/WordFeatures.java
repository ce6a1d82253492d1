package org.lurewatch.assess.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/** Word unigrams and bigrams of the spaced-script tokens. Stateless; OpenNLP instantiates it by class name. */
public final class WordFeatures implements FeatureGenerator {
    public WordFeatures() {
    }

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        Collection<String> out = new ArrayList<>(tokens.length * 2);
        String prev = null;
        for (String t : tokens) {
            if (ModelTokens.isUnspaced(t)) {
                prev = null;
                continue;
            }
            out.add("w=" + t);
            if (prev != null) {
                out.add("b=" + prev + "_" + t);
            }
            prev = t;
        }
        return out;
    }
}
