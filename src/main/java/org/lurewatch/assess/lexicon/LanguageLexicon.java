package org.lurewatch.assess.lexicon;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything Lurewatch knows about one language: indicator labels, the phrases behind each indicator and
 * cue, function words for language detection, and the local currency, calling code and what counts as
 * high pay for unskilled work there.
 *
 * @param highPayUsdPerMonth monthly pay (USD) above which an unskilled job ad in this language is suspicious
 */
public record LanguageLexicon(
        String language,
        Map<String, String> labels,
        Map<String, List<String>> terms,
        Set<String> stopwords,
        String currency,
        String callingCode,
        double highPayUsdPerMonth) {

    public LanguageLexicon {
        Objects.requireNonNull(language, "language");
        // ordered copies: phrase ids, and so matches and features, come out in the same order in every run
        labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
        java.util.Map<String, List<String>> t = new java.util.LinkedHashMap<>();
        terms.forEach((k, v) -> t.put(k, List.copyOf(v)));
        terms = java.util.Collections.unmodifiableMap(t);
        stopwords = Set.copyOf(stopwords);
    }
}
