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
    /** Word features are {@code w=<word>}; {@link ModelTokens} emits spaced words in this form already. */
    public static final String PREFIX = "w=";

    public WordFeatures() {
    }

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        Collection<String> out = new ArrayList<>(tokens.length);
        for (String t : tokens) {
            if (t.startsWith(PREFIX)) {
                out.add(t);
            } else if (!ModelTokens.isUnspaced(t)) {
                out.add(PREFIX.concat(t));
            }
        }
        return out;
    }
}
