package org.lurewatch.assess.model;

import org.lurewatch.assess.extract.Extraction;
import org.lurewatch.assess.extract.Extractor;
import org.lurewatch.assess.indicator.IndicatorRules;
import org.lurewatch.assess.lexicon.Lexicons;
import org.lurewatch.assess.text.LanguageDetector;
import org.lurewatch.assess.text.NormalizedText;
import org.lurewatch.ingest.Post;

/**
 * Normalises a post, finds its language, extracts facts and evaluates the indicators: everything the model
 * and the assessment need, computed the same way for training, evaluation and scoring. Thread-safe.
 */
public final class PostAnalyzer {
    private final Lexicons lexicons;
    private final LanguageDetector languages;
    private final Extractor extractor;
    private final IndicatorRules rules;

    public PostAnalyzer(Lexicons lexicons, LanguageDetector languages) {
        this.lexicons = lexicons;
        this.languages = languages;
        this.extractor = new Extractor(lexicons);
        this.rules = new IndicatorRules(lexicons);
    }

    public Analysis analyze(Post post) {
        NormalizedText text = lexicons.normalizer().normalize(post.fullText());
        String language = languages.detect(text.text(), post.lang());
        Extraction ex = extractor.extract(text, language, post.country());
        return new Analysis(text, language, ex, rules.evaluate(ex), ModelTokens.of(text.text()));
    }

    public Lexicons lexicons() {
        return lexicons;
    }
}
