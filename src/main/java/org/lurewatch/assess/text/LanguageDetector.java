package org.lurewatch.assess.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Finds a post's language as an ISO 639-1 code ({@code und} when it cannot tell), cheapest evidence first:
 * <ol>
 *   <li>the feed's hint, when it names a language;</li>
 *   <li>the script: Thai, Lao, Burmese, Khmer, Chinese, Japanese, Korean are decided by their letters alone
 *       (OpenNLP's model does not know Burmese, Khmer or Lao);</li>
 *   <li>for Latin text, Vietnamese letters, then counts of function words from the lexicons (en, id, ms, tl,
 *       vi without accents); Indonesian and Malay are one family, split by the words only one of them uses;</li>
 *   <li>OpenNLP's language detector on a prefix, when the words did not decide; its ind, msa, sun, jav and
 *       min answers are merged into the Indonesian/Malay family.</li>
 * </ol>
 * Thread-safe: the OpenNLP model is loaded once and only read.
 */
public final class LanguageDetector {
    /** How much of the text is looked at. */
    static final int PREFIX = 400;
    private static final Map<String, String> ISO3_TO_1 = new HashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            try {
                ISO3_TO_1.put(new Locale(two).getISO3Language(), two);
            } catch (java.util.MissingResourceException ignored) {
                // no three-letter code for this one
            }
        }
        for (String malay : new String[] {"ind", "sun", "jav", "min", "bjn", "ban", "ace"}) {
            ISO3_TO_1.put(malay, "id");
        }
        ISO3_TO_1.put("msa", "ms");
        ISO3_TO_1.put("zlm", "ms");
        ISO3_TO_1.put("zsm", "ms");
        for (String phil : new String[] {"tgl", "fil", "ceb", "war", "ilo", "pam", "hil", "bcl"}) {
            ISO3_TO_1.put(phil, "tl");
        }
        for (String chinese : new String[] {"cmn", "zho", "yue", "wuu", "nan", "hak", "gan"}) {
            ISO3_TO_1.put(chinese, "zh");
        }
        ISO3_TO_1.put("mya", "my");
        ISO3_TO_1.put("khm", "km");
        ISO3_TO_1.put("lao", "lo");
        ISO3_TO_1.put("nep", "ne");
        ISO3_TO_1.put("npi", "ne");
    }

    private final LanguageDetectorME opennlp;
    private final Map<String, Set<String>> stopwords;
    /** Every function word with the languages it belongs to, as bits over {@link #languageOrder}. */
    private final Map<String, Long> wordLanguages = new HashMap<>();
    private final String[] languageOrder;

    /**
     * @param opennlpModel the OpenNLP language detection model, or null to use only scripts and words
     * @param stopwords    function words per language (ISO 639-1), lower case
     */
    public LanguageDetector(LanguageDetectorModel opennlpModel, Map<String, Set<String>> stopwords) {
        this.opennlp = opennlpModel == null ? null : new LanguageDetectorME(opennlpModel);
        Map<String, Set<String>> copy = new HashMap<>();
        stopwords.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        this.stopwords = Map.copyOf(copy);
        this.languageOrder = copy.keySet().stream().sorted().limit(64).toArray(String[]::new);
        for (int i = 0; i < languageOrder.length; i++) {
            for (String w : copy.get(languageOrder[i])) {
                wordLanguages.merge(w, 1L << i, (a, b) -> a | b);
            }
        }
    }

    /** Loads OpenNLP's bundled model ({@code /langdetect-183.bin} on the classpath). */
    public static LanguageDetectorModel loadBundledModel() {
        try (InputStream in = LanguageDetector.class.getResourceAsStream("/langdetect-183.bin")) {
            if (in == null) {
                throw new IllegalStateException("the OpenNLP language model /langdetect-183.bin is not on the classpath"
                        + " (dependency org.apache.opennlp:opennlp-models-langdetect)");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenNLP language model /langdetect-183.bin", e);
        }
    }

    /** Maps a feed hint ("id", "in", "ind", "fil", "zh-CN", "my_MM") to ISO 639-1, or null if it names nothing. */
    public static String normalizeHint(String hint) {
        if (hint == null) {
            return null;
        }
        String h = hint.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        int dash = h.indexOf('-');
        if (dash > 0) {
            h = h.substring(0, dash);
        }
        if (h.isEmpty() || h.equals("und") || h.equals("unknown") || h.equals("mul") || h.equals("mixed")) {
            return null;
        }
        if (h.equals("in")) {
            return "id";
        }
        if (h.equals("fil")) {
            return "tl";
        }
        if (h.length() == 2 && h.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return h;
        }
        return ISO3_TO_1.get(h);
    }

    /** The language of {@code text} (normalised, lower case) given the feed's {@code hint} (may be null). */
    public String detect(String text, String hint) {
        String fromHint = normalizeHint(hint);
        if (fromHint != null) {
            return fromHint;
        }
        return detect(text);
    }

    /** The language of {@code text} (normalised, lower case) without any hint. */
    public String detect(String text) {
        int limit = Math.min(text.length(), PREFIX);
        int[] byScript = new int[Script.values().length];
        int letters = 0;
        int vietnamese = 0;
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            Script s = Script.of(c);
            if (s == null) {
                continue;
            }
            letters++;
            byScript[s.ordinal()]++;
            if (s == Script.LATIN && isVietnameseLetter(c)) {
                vietnamese++;
            }
        }
        if (letters == 0) {
            return "und";
        }
        EnumMap<Script, Integer> counts = new EnumMap<>(Script.class);
        for (Script s : Script.values()) {
            if (byScript[s.ordinal()] > 0) {
                counts.put(s, byScript[s.ordinal()]);
            }
        }
        Script top = null;
        int topCount = 0;
        for (Map.Entry<Script, Integer> e : counts.entrySet()) {
            if (e.getKey() != Script.LATIN && e.getKey().language() != null && e.getValue() > topCount) {
                top = e.getKey();
                topCount = e.getValue();
            }
        }
        // A Japanese post has Han too; kana decides.
        if (top == Script.HAN && counts.getOrDefault(Script.KANA, 0) * 5 > topCount) {
            top = Script.KANA;
            topCount = counts.get(Script.KANA);
        }
        int latin = counts.getOrDefault(Script.LATIN, 0);
        // Letters of the unspaced scripts carry more per char than Latin: 1 in 5 letters is enough.
        if (top != null && topCount * 5 >= letters) {
            return top.language();
        }
        if (latin * 2 >= letters) {
            if (vietnamese >= 3 && vietnamese * 25 >= latin) {
                return "vi";
            }
            String byWords = byFunctionWords(text, limit);
            if (byWords != null) {
                return byWords;
            }
        }
        return byOpenNlp(text, limit);
    }

    private static boolean isVietnameseLetter(char c) {
        return c >= 0x103 && ((c >= 0x1EA0 && c <= 0x1EF9) || c == 'đ' || c == 'ơ' || c == 'ư' || c == 'ă' || c == 'ĩ' || c == 'ũ');
    }

    private String byFunctionWords(String text, int limit) {
        int[] counts = new int[languageOrder.length];
        int i = 0;
        int words = 0;
        int end = Math.min(text.length(), limit + 40);
        while (i < end && words < 50) {
            while (i < end && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < end && Character.isLetter(text.charAt(j))) {
                j++;
            }
            if (j > i) {
                words++;
                Long langs = j - i <= 12 ? wordLanguages.get(text.substring(i, j)) : null;
                if (langs != null) {
                    for (long bits = langs; bits != 0; bits &= bits - 1) {
                        counts[Long.numberOfTrailingZeros(bits)]++;
                    }
                }
            }
            i = j;
        }
        Map<String, Integer> hits = new HashMap<>();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                hits.put(languageOrder[k], counts[k]);
            }
        }
        String best = null;
        int bestHits = 0;
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            int h = e.getValue();
            if (h > bestHits || (h == bestHits && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestHits = h;
            }
        }
        int second = 0;
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            if (!e.getKey().equals(best) && !sameFamily(best, e.getKey())) {
                second = Math.max(second, e.getValue());
            }
        }
        if (best == null || bestHits < 2 || bestHits * 2 < second * 3) {
            return null;
        }
        if (best.equals("id") || best.equals("ms")) {
            return indonesianOrMalay(hits);
        }
        return best;
    }

    private static boolean sameFamily(String a, String b) {
        return (a.equals("id") || a.equals("ms")) && (b.equals("id") || b.equals("ms"));
    }

    private String indonesianOrMalay(Map<String, Integer> hits) {
        // Both lists share most words; what decides is the words only one of them has, which the lexicons
        // list in both and so show up as a difference in counts.
        int id = hits.getOrDefault("id", 0);
        int ms = hits.getOrDefault("ms", 0);
        return ms > id ? "ms" : "id";
    }

    private String byOpenNlp(String text, int limit) {
        if (opennlp == null) {
            return "und";
        }
        Language best = opennlp.predictLanguage(text.substring(0, Math.min(text.length(), Math.min(limit, 200))));
        if (best == null) {
            return "und";
        }
        String code = ISO3_TO_1.get(best.getLang());
        return code == null ? "und" : code;
    }
}
