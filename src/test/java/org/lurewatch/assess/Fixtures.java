package org.lurewatch.assess;

import org.lurewatch.assess.lexicon.LexiconLoader;
import org.lurewatch.assess.lexicon.Lexicons;
import org.lurewatch.assess.model.PostAnalyzer;
import org.lurewatch.assess.text.LanguageDetector;
import opennlp.tools.langdetect.LanguageDetectorModel;

/** Expensive, immutable test fixtures, loaded once per test JVM. */
public final class Fixtures {
    private Fixtures() {
    }

    private static final class Holder {
        static final Lexicons LEXICONS = LexiconLoader.loadBundled();
        static final LanguageDetectorModel LANG_MODEL = LanguageDetector.loadBundledModel();
        static final LanguageDetector DETECTOR = new LanguageDetector(LANG_MODEL, LEXICONS.stopwords());
        static final PostAnalyzer ANALYZER = new PostAnalyzer(LEXICONS, DETECTOR);
    }

    public static Lexicons lexicons() {
        return Holder.LEXICONS;
    }

    public static LanguageDetector languageDetector() {
        return Holder.DETECTOR;
    }

    public static PostAnalyzer analyzer() {
        return Holder.ANALYZER;
    }
}
