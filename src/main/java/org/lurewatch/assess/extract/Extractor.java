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

    /** The counter indicators, which a negator cancels ("no contract" is no sign of a real employer). */
    private final java.util.Set<String> counterCategories;
    private final java.util.Set<String> indicatorCategories;

    public Extractor(Lexicons lexicons) {
        this.lexicons = lexicons;
        this.counterCategories = lexicons.indicators().values().stream()
                .filter(spec -> spec.group() == org.lurewatch.assess.lexicon.IndicatorGroup.COUNTER)
                .map(org.lurewatch.assess.lexicon.IndicatorSpec::code)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.indicatorCategories = java.util.Set.copyOf(lexicons.indicators().keySet());
        this.places = new PlaceExtractor(lexicons);
        this.salaries = new SalaryExtractor(lexicons);
    }

    /**
     * Phrases of the post's language apply, English ones everywhere (posts mix English in), Indonesian and
     * Malay both for either; for a post of unknown language, all. Only short single Latin-script words of another
     * language are held back from a post in a Latin-script language (see {@link #isShortWord}), whichever lexicon
     * they come from ("inbox" in the Thai one): longer phrases are specific enough to apply whatever the detected
     * language, which matters when Taglish or Malay is detected as English.
     */
    static boolean applies(String termLanguage, boolean latinPhrase, String postLanguage) {
        if (termLanguage == null || termLanguage.equals("en") || termLanguage.equals(postLanguage)
                || postLanguage == null || postLanguage.equals("und")) {
            return true;
        }
        boolean malay = postLanguage.equals("id") || postLanguage.equals("ms");
        return malay && (termLanguage.equals("id") || termLanguage.equals("ms"))
                || !latinPhrase || !LATIN_LEXICONS.contains(postLanguage);
    }

    static boolean latinWord(String phrase) {
        return !phrase.isEmpty() && org.lurewatch.assess.text.Script.of(phrase.charAt(0)) == org.lurewatch.assess.text.Script.LATIN;
    }

    /** A single word of up to five letters: the kind of phrase that means something else in another language. */
    static boolean isShortWord(String phrase) {
        return phrase.length() <= 5 && phrase.indexOf(' ') < 0;
    }

    /** Lexicons written in Latin script, whose words can collide across languages. */
    private static final java.util.Set<String> LATIN_LEXICONS = java.util.Set.of("en", "id", "ms", "tl", "vi");

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
                    if (isShortWord(t.text()) && !applies(t.language(), latinWord(t.text()), language)) {
                        continue; // Malay "sila" (please) is Tagalog "they"; Indonesian "data" is just data in English
                    }
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
        PhraseResolver.resolve(terms, indicatorCategories, counterCategories);
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
