package org.lurewatch.assess.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lurewatch.assess.lexicon.LanguageLexicon;
import org.lurewatch.assess.lexicon.Lexicons;
import org.lurewatch.assess.text.NormalizedText;
import org.lurewatch.assess.text.TermMatcher;

/**
 * Runs every extractor over one normalised post: one pass of the phrase matcher (lexicon phrases, places,
 * currencies, pay periods), then salary, ages, urgency and contacts. Thread-safe.
 */
public final class Extractor {
    private final Lexicons lexicons;
    private final PlaceExtractor places;
    private final SalaryExtractor salaries;
    private final AgeRangeExtractor ages = new AgeRangeExtractor();
    private final UrgencyExtractor urgency = new UrgencyExtractor();
    private final ContactExtractor contacts = new ContactExtractor();

    public Extractor(Lexicons lexicons) {
        this.lexicons = lexicons;
        this.places = new PlaceExtractor(lexicons);
        this.salaries = new SalaryExtractor(lexicons);
    }

    /**
     * @param text        the normalised post
     * @param language    its language (ISO 639-1 or und)
     * @param countryHint the feed's country (ISO 3166-1 alpha-2), or null
     */
    public Extraction extract(NormalizedText text, String language, String countryHint) {
        List<TermMatcher.Match> matches = lexicons.matcher().find(text.text());
        @SuppressWarnings("unchecked")
        List<TermHit>[] byCategory = new List[lexicons.categoryCount()];
        List<TermHit> currencies = new ArrayList<>();
        List<TermHit> periods = new ArrayList<>();
        List<TermHit> apps = new ArrayList<>();
        for (TermMatcher.Match m : matches) {
            int kind = lexicons.termKind(m.id());
            if (kind == Lexicons.Term.PLACE) {
                continue;
            }
            Lexicons.Term t = lexicons.term(m.id());
            switch (kind) {
                case Lexicons.Term.CURRENCY -> currencies.add(new TermHit("CURRENCY", t.currency(), m.start(), m.end()));
                case Lexicons.Term.PERIOD -> periods.add(new TermHit("PERIOD", t.period(), m.start(), m.end()));
                case Lexicons.Term.APP -> apps.add(new TermHit("APP", t.app(), m.start(), m.end()));
                default -> {
                    int c = lexicons.termCategory(m.id());
                    if (byCategory[c] == null) {
                        byCategory[c] = new ArrayList<>(2);
                    }
                    byCategory[c].add(new TermHit(t.category(), t.language(), m.start(), m.end()));
                }
            }
        }
        Map<String, List<TermHit>> terms = new HashMap<>();
        for (int c = 0; c < byCategory.length; c++) {
            if (byCategory[c] != null) {
                terms.put(lexicons.categoryName(c), byCategory[c]);
            }
        }
        LanguageLexicon lex = lexicons.language(language);
        String currency = lex == null ? "USD" : lex.currency();
        List<Salary> pay = salaries.extract(text.text(), currencies, periods,
                terms.getOrDefault("SALARY", List.of()), terms.getOrDefault("JOB_OFFER", List.of()), currency);
        List<AgeRange> ageRanges = ages.extract(text.text(), terms.getOrDefault("AGE", List.of()));
        List<TermHit> urgent = urgency.extract(text.text(), terms.getOrDefault("URGENCY", List.of()), periods);
        if (!urgent.isEmpty()) {
            terms.put("URGENCY", urgent);
        }
        String callingCode = PhoneNumbers.callingCode(countryHint);
        if (callingCode == null && lex != null) {
            callingCode = lex.callingCode();
        }
        return new Extraction(text, language, terms, places.extract(matches), pay, ageRanges,
                contacts.extract(text, callingCode, apps));
    }
}
