package org.lurewatch.assess.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character trigrams (bigrams for two-char runs) of the runs of scripts written without spaces (Thai, Burmese, Khmer, Lao,
 * Chinese), which a word model cannot split. Bigrams on top of trigrams were measured: no better on dev. Stateless; OpenNLP instantiates it by class name.
 */
public final class CharNgramFeatures implements FeatureGenerator {
    public CharNgramFeatures() {
    }

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        Collection<String> out = new ArrayList<>();
        for (String t : tokens) {
            if (!ModelTokens.isUnspaced(t)) {
                continue;
            }
            int n = t.length();
            if (n < 3) {
                out.add("c2=" + t);
                continue;
            }
            for (int i = 0; i + 2 < n; i++) {
                out.add("c3=" + t.substring(i, i + 3));
            }
        }
        return out;
    }
}
