package org.lurewatch.assess.lexicon;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lurewatch.assess.text.TermMatcher;
import org.lurewatch.assess.text.TextNormalizer;

/**
 * All lexicons and the gazetteer, loaded and checked, with the one phrase matcher built from them.
 * Immutable and thread-safe: load once ({@link LexiconLoader}) and share.
 */
public final class Lexicons {
    /** Cue categories: phrases that are not indicators on their own but feed rules and the model. Ordered, so
     * that features come out in the same order in every run (training is then reproducible to the bit). */
    public static final List<String> CUES = List.of("JOB_OFFER", "UNSKILLED_JOB", "SALARY", "AGE", "KIN", "SCAM_WORD", "TOURISM",
            PhraseCues.NEGATION, PhraseCues.NEGATION_AFTER);

    /** What a phrase in the matcher stands for. */
    public record Term(String category, String language, String text, Place place, String detail) {
        public static final int PHRASE = 0;
        public static final int PLACE = 1;
        public static final int CURRENCY = 2;
        public static final int PERIOD = 3;
        public static final int APP = 4;

        /** What kind of term, as a small int for fast dispatch: {@link #PHRASE}, {@link #PLACE}... */
        public int kind() {
            return switch (category) {
                case "PLACE" -> PLACE;
                case "CURRENCY" -> CURRENCY;
                case "PERIOD" -> PERIOD;
                case "APP" -> APP;
                default -> PHRASE;
            };
        }

        /** The currency code of a CURRENCY term. */
        public String currency() {
            return detail;
        }

        /** The pay period of a PERIOD term. */
        public String period() {
            return detail;
        }

        /** The contact type (or "social") of an APP term. */
        public String app() {
            return detail;
        }
    }

    private final Map<String, IndicatorSpec> indicators;
    private final Map<String, LanguageLexicon> languages;
    private final List<Place> places;
    private final Map<String, Double> usdRates;
    private final Map<String, Double> multipliers;
    private final Map<String, Double> periodsPerMonth;
    private final Set<String> obfuscationTargets;
    private final TextNormalizer normalizer;
    private final TermMatcher matcher;
    private final List<Term> terms;
    private final int[] termKinds;
    private final int[] termCategories;
    private final String[] categoryNames;
    private final String fingerprint;

    Lexicons(Map<String, IndicatorSpec> indicators, Map<String, LanguageLexicon> languages, List<Place> places,
             Map<String, Double> usdRates, Map<String, List<String>> currencyAliases, Map<String, Double> multipliers,
             Map<String, Double> periodsPerMonth, Map<String, List<String>> periodWords, Set<String> obfuscationTargets,
             Map<String, List<String>> contactApps, String fingerprint) {
        this.fingerprint = fingerprint;
        this.indicators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
        this.languages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(languages));
        this.places = List.copyOf(places);
        this.usdRates = Map.copyOf(usdRates);
        this.multipliers = Map.copyOf(multipliers);
        this.periodsPerMonth = Map.copyOf(periodsPerMonth);
        this.obfuscationTargets = Set.copyOf(obfuscationTargets);
        Set<String> vocabulary = new HashSet<>(obfuscationTargets);
        for (LanguageLexicon lex : languages.values()) {
            for (List<String> phrases : lex.terms().values()) {
                for (String p : phrases) {
                    for (String w : p.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
                        if (w.length() >= 3) {
                            vocabulary.add(w);
                        }
                    }
                }
            }
        }
        this.normalizer = new TextNormalizer(vocabulary);
        TermMatcher.Builder b = TermMatcher.builder();
        List<Term> t = new ArrayList<>();
        for (LanguageLexicon lex : languages.values()) {
            for (Map.Entry<String, List<String>> e : lex.terms().entrySet()) {
                for (String phrase : e.getValue()) {
                    add(b, t, phrase, new Term(e.getKey(), lex.language(), phrase, null, null));
                }
            }
        }
        for (Place p : places) {
            for (String alias : p.aliases()) {
                add(b, t, alias, new Term("PLACE", null, alias, p, null));
            }
        }
        for (Map.Entry<String, List<String>> e : currencyAliases.entrySet()) {
            for (String alias : e.getValue()) {
                add(b, t, alias, new Term("CURRENCY", null, alias, null, e.getKey()));
            }
        }
        for (Map.Entry<String, List<String>> e : periodWords.entrySet()) {
            for (String word : e.getValue()) {
                add(b, t, word, new Term("PERIOD", null, word, null, e.getKey()));
            }
        }
        for (Map.Entry<String, List<String>> e : contactApps.entrySet()) {
            for (String word : e.getValue()) {
                add(b, t, word, new Term("APP", null, word, null, e.getKey()));
            }
        }
        this.matcher = b.build();
        this.terms = List.copyOf(t);
        this.termKinds = new int[t.size()];
        this.termCategories = new int[t.size()];
        Map<String, Integer> categoryIds = new LinkedHashMap<>();
        for (int i = 0; i < t.size(); i++) {
            termKinds[i] = t.get(i).kind();
            termCategories[i] = categoryIds.computeIfAbsent(t.get(i).category(), k -> categoryIds.size());
        }
        this.categoryNames = categoryIds.keySet().toArray(new String[0]);
    }

    private void add(TermMatcher.Builder b, List<Term> t, String phrase, Term term) {
        int id = b.add(normalizer.normalize(phrase).text());
        if (id >= 0) {
            if (id != t.size()) {
                throw new IllegalStateException("phrase ids out of step");
            }
            t.add(term);
        }
    }

    /**
     * A fingerprint of the lexicon files these were loaded from (bundled and override, names and bytes): a model
     * records the fingerprint it was trained with, and loading it with other lexicons fails.
     */
    public String fingerprint() {
        return fingerprint;
    }

    public Map<String, IndicatorSpec> indicators() {
        return indicators;
    }

    public IndicatorSpec indicator(String code) {
        IndicatorSpec spec = indicators.get(code);
        if (spec == null) {
            throw new IllegalArgumentException("unknown indicator " + code);
        }
        return spec;
    }

    public Map<String, LanguageLexicon> languages() {
        return languages;
    }

    /** The lexicon of a language, or null when there is none. */
    public LanguageLexicon language(String lang) {
        return languages.get(lang);
    }

    /** The label of an indicator in a language, or null. */
    public String localLabel(String code, String lang) {
        LanguageLexicon lex = languages.get(lang);
        return lex == null ? null : lex.labels().get(code);
    }

    public List<Place> places() {
        return places;
    }

    /** USD per one unit of a currency (ISO 4217), or null if unknown. */
    public Double usdRate(String currency) {
        return usdRates.get(currency);
    }

    /** Number words and suffixes ("k", "juta", "triệu", "万") and their factor. */
    public Map<String, Double> multipliers() {
        return multipliers;
    }

    /** How many of a pay period make a month ("day" 26, "week" 4.33...). */
    public Map<String, Double> periodsPerMonth() {
        return periodsPerMonth;
    }

    public Set<String> obfuscationTargets() {
        return obfuscationTargets;
    }

    public TextNormalizer normalizer() {
        return normalizer;
    }

    public TermMatcher matcher() {
        return matcher;
    }

    public Term term(int id) {
        return terms.get(id);
    }

    /** A small int for a term's category, for array-indexed grouping; see {@link #categoryName(int)}. */
    public int termCategory(int id) {
        return termCategories[id];
    }

    public String categoryName(int category) {
        return categoryNames[category];
    }

    public int categoryCount() {
        return categoryNames.length;
    }

    /** The kind of a term ({@link Term#kind()}), precomputed. */
    public int termKind(int id) {
        return termKinds[id];
    }

    /** Function words per language, for language detection. */
    public Map<String, Set<String>> stopwords() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        languages.forEach((k, v) -> {
            if (!v.stopwords().isEmpty()) {
                out.put(k, v.stopwords());
            }
        });
        return out;
    }
}
