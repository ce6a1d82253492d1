package org.lurewatch.assess.extract;

import org.lurewatch.assess.Fixtures;

/** Runs the real extractor over raw text, as the assessor does. */
final class ExtractionHelper {
    private static final Extractor EXTRACTOR = new Extractor(Fixtures.lexicons());

    private ExtractionHelper() {
    }

    static Extraction extract(String raw, String language) {
        return extract(raw, language, null);
    }

    static Extraction extract(String raw, String language, String country) {
        return EXTRACTOR.extract(Fixtures.lexicons().normalizer().normalize(raw), language, country);
    }
}
