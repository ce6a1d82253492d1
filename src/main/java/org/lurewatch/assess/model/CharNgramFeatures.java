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
            char[] buf = {'c', '3', '=', 0, 0, 0};
            for (int i = 0; i + 2 < n; i++) {
                buf[3] = t.charAt(i);
                buf[4] = t.charAt(i + 1);
                buf[5] = t.charAt(i + 2);
                out.add(new String(buf));
            }
        }
        return out;
    }
}
