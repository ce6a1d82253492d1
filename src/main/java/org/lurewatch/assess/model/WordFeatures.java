package org.lurewatch.assess.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Word unigrams of the spaced-script tokens. (Bigrams were measured too: no better on the dev split, and
 * twice the features to look up.) Stateless; OpenNLP instantiates it by class name.
 */
public final class WordFeatures implements FeatureGenerator {
    public WordFeatures() {
    }

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        Collection<String> out = new ArrayList<>(tokens.length);
        for (String t : tokens) {
            if (!ModelTokens.isUnspaced(t)) {
                out.add("w=" + t);
            }
        }
        return out;
    }
}
