package org.lurewatch.assess.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lurewatch.assess.lexicon.Lexicons;

/**
 * Finds pay in normalised text and converts it to US dollars per month: "$1,200 - $1,500/month",
 * "lương 25-40 triệu/tháng", "gaji 8 juta", "月薪1万5", "รายได้ 3 หมื่น", "1k5 USD", "RM1,900".
 *
 * <p>A number counts as pay when a currency is written next to it, or when a pay word ("salary", "gaji",
 * "lương", "月薪"...) comes shortly before it; then the currency is the language's own, unless the amount only
 * makes sense in dollars (a lure's "gaji 1500"). An amount with a number word followed at once by a pay period
 * ("50k kada buwan", "15tr/tháng") counts too. The period is the pay-period word right after the amount,
 * else a month. Thread-safe.
 */
public final class SalaryExtractor {
    private static final int CUE_DISTANCE = 40;
    private static final int PERIOD_DISTANCE = 12;
    private static final int JOB_DISTANCE = 80;

    private final Lexicons lexicons;
    private final int maxMultiplierLength;
    /** Multiplier words by first char, longest first. */
    private final Map<Character, List<String>> multiplierWords = new java.util.HashMap<>();

    public SalaryExtractor(Lexicons lexicons) {
        this.lexicons = lexicons;
        this.maxMultiplierLength = lexicons.multipliers().keySet().stream().mapToInt(String::length).max().orElse(0);
        for (String w : lexicons.multipliers().keySet()) {
            multiplierWords.computeIfAbsent(w.charAt(0), c -> new ArrayList<>()).add(w);
        }
        multiplierWords.values().forEach(l -> l.sort(java.util.Comparator.comparingInt(String::length).reversed()));
    }

    /** A number with its multiplier, as read at {@code start}. */
    private record Amount(double value, int start, int end) {
    }

    /**
     * @param text            the normalised text
     * @param currencies      currency hits (category CURRENCY), with the currency code in {@code language}
     * @param periods         pay-period hits (category PERIOD), with the period in {@code language}
     * @param cues            pay-word hits (cue SALARY)
     * @param defaultCurrency the currency of the post's language
     */
    public List<Salary> extract(String text, List<TermHit> currencies, List<TermHit> periods, List<TermHit> cues,
                                String defaultCurrency) {
        return extract(text, currencies, periods, cues, null, defaultCurrency);
    }

    /**
     * As above; with {@code jobWords} (cue JOB_OFFER hits) given, an amount that has only a currency by it is
     * pay only when a job word is near: "lost $5000 at the casino" is not a salary.
     */
    public List<Salary> extract(String text, List<TermHit> currencies, List<TermHit> periods, List<TermHit> cues,
                                List<TermHit> jobWords, String defaultCurrency) {
        List<Salary> out = new ArrayList<>(2);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || (i > 0 && isWordChar(text.charAt(i - 1)) && !isMultiplierStartAllowed(text, i))) {
                i++;
                continue;
            }
            Amount first = readAmount(text, i);
            if (first == null) {
                i++;
                continue;
            }
            if (first.end == skipDigitsEnd(text, first.start)) {
                double before = multiplierBefore(text, first.start);
                if (before > 1) { // Burmese writes "သိန်း ၁၅" (lakh 15)
                    first = new Amount(first.value * before, first.start, first.end);
                }
            }
            Amount second = null;
            int j = skipSpaces(text, first.end);
            TermHit currencyBetween = currencyAt(currencies, first.end, j + 1);
            if (currencyBetween != null) {
                j = skipSpaces(text, currencyBetween.end());
            }
            int afterSep = rangeSeparator(text, j);
            if (afterSep > 0) {
                int k = skipSpaces(text, afterSep);
                TermHit prefix = currencyStartingAt(currencies, k);
                if (prefix != null) {
                    k = skipSpaces(text, prefix.end());
                }
                if (k < n && text.charAt(k) >= '0' && text.charAt(k) <= '9') {
                    second = readAmount(text, k);
                }
            }
            Amount last = second == null ? first : second;
            if (second != null && second.value >= 1000 && first.value < 1000 && first.end == skipDigitsEnd(text, first.start)) {
                // "25-40 triệu": the multiplier is written once, after the second number
                double factor = multiplierAfter(text, second);
                if (factor > 1 && first.value * factor <= second.value) {
                    first = new Amount(first.value * factor, first.start, first.end);
                }
            }
            String currency = null;
            TermHit before = currencyEndingNear(currencies, first.start);
            TermHit after = currencyStartingNear(currencies, last.end);
            if (before != null) {
                currency = before.language();
            } else if (after != null) {
                currency = after.language();
            } else if (currencyBetween != null) {
                currency = currencyBetween.language();
            }
            boolean cued = cueBefore(cues, first.start);
            // "50k kada buwan", "15tr/tháng": an amount written with a number word and a pay period right after it
            boolean periodic = currency == null && !cued && last.end > skipDigitsEnd(text, last.start)
                    && periodAfter(periods, last.end, 3) != null;
            if (currency == null && !cued && !periodic) {
                i = last.end;
                continue;
            }
            int amountEnd = after != null ? after.end() : last.end;
            boolean withPeriod = periodAfter(periods, amountEnd, PERIOD_DISTANCE) != null;
            if (!cued && !periodic && !withPeriod && jobWords != null && !near(jobWords, first.start, amountEnd, JOB_DISTANCE)) {
                i = last.end;
                continue;
            }
            int spanStart = before != null ? before.start() : first.start;
            int spanEnd = after != null ? after.end() : last.end;
            String period = "month";
            TermHit p = periodAfter(periods, spanEnd, PERIOD_DISTANCE);
            if (p != null) {
                period = p.language();
                spanEnd = Math.max(spanEnd, p.end());
            }
            double high = Math.max(first.value, last.value);
            double low = Math.min(first.value, last.value);
            if (currency == null) {
                currency = defaultCurrency == null ? "USD" : defaultCurrency;
                double usd = toUsdPerMonth(high, currency, period);
                if (usd < 50 && high >= 100 && high <= 20000) {
                    currency = "USD"; // "gaji 1500" in a lure means dollars
                }
            }
            double usdPerMonth = toUsdPerMonth(high, currency, period);
            if (!Double.isNaN(usdPerMonth) && high > 0) {
                out.add(new Salary(low, high, currency, period, usdPerMonth, spanStart, spanEnd));
            }
            i = Math.max(last.end, i + 1);
        }
        return out;
    }

    private double toUsdPerMonth(double amount, String currency, String period) {
        Double rate = lexicons.usdRate(currency);
        Double perMonth = lexicons.periodsPerMonth().get(period);
        if (rate == null || perMonth == null) {
            return Double.NaN;
        }
        return amount * rate * perMonth;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == ',';
    }

    private static boolean isMultiplierStartAllowed(String text, int i) {
        // "rm1,900", "rp15.000", "usd1500", "$1200": a currency glued to the number
        char p = text.charAt(i - 1);
        return Character.isLetter(p);
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int skipDigitsEnd(String text, int i) {
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.' || text.charAt(i) == ',')) {
            i++;
        }
        return i;
    }

    /** Reads "1,200", "15.000.000", "1.5", "1,5", "1k5", "15tr", "8 juta", "1万5", "3 หมื่น". */
    private Amount readAmount(String text, int start) {
        int n = text.length();
        int i = start;
        StringBuilder digits = new StringBuilder();
        while (i < n) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                i++;
            } else if ((c == '.' || c == ',') && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                int k = i + 1;
                while (k < n && Character.isDigit(text.charAt(k))) {
                    k++;
                }
                if (k - i - 1 == 3) {
                    i++; // thousands separator
                } else {
                    digits.append('.');
                    i++;
                }
            } else {
                break;
            }
        }
        double value;
        try {
            value = Double.parseDouble(digits.toString());
        } catch (NumberFormatException e) {
            return null;
        }
        int end = i;
        // multiplier, glued or after one space
        int k = i < n && text.charAt(i) == ' ' ? i + 1 : i;
        List<String> candidates = k < n ? multiplierWords.get(text.charAt(k)) : null;
        for (String word : candidates == null ? List.<String>of() : candidates) {
            if (text.startsWith(word, k)) {
                double factor = lexicons.multipliers().get(word);
                int len = word.length();
                int after = k + len;
                boolean boundary = after >= n || !Character.isLetter(text.charAt(after))
                        || !Character.isLetter(word.charAt(word.length() - 1)) || isUnspacedLetter(word.charAt(0))
                        || isHangul(word.charAt(0)); // Korean glues the currency on: "800만원"
                if (!boundary) {
                    continue;
                }
                value *= factor;
                end = after;
                // "1k5", "2tr5", "1万5": one more digit is the next decimal place
                if (after < n && Character.isDigit(text.charAt(after)) && (after + 1 >= n || !Character.isDigit(text.charAt(after + 1)))) {
                    value += (text.charAt(after) - '0') * factor / 10;
                    end = after + 1;
                }
                break;
            }
        }
        return new Amount(value, start, end);
    }

    private static boolean isHangul(char c) {
        return org.lurewatch.assess.text.Script.of(c) == org.lurewatch.assess.text.Script.HANGUL;
    }

    private double multiplierAfter(String text, Amount a) {
        int digitsEnd = skipDigitsEnd(text, a.start);
        if (digitsEnd == a.end) {
            return 1;
        }
        int k = digitsEnd < text.length() && text.charAt(digitsEnd) == ' ' ? digitsEnd + 1 : digitsEnd;
        for (int len = Math.min(maxMultiplierLength, text.length() - k); len >= 1; len--) {
            Double f = lexicons.multipliers().get(text.substring(k, k + len));
            if (f != null) {
                return f;
            }
        }
        return 1;
    }

    /** A multiplier word written just before a number ("သိန်း ၂၀", "lakh 5"), or 1. */
    private double multiplierBefore(String text, int start) {
        int end = start > 0 && text.charAt(start - 1) == ' ' ? start - 1 : start;
        for (Map.Entry<String, Double> m : lexicons.multipliers().entrySet()) {
            String w = m.getKey();
            int from = end - w.length();
            if (w.length() >= 3 && from >= 0 && text.startsWith(w, from)
                    && (from == 0 || !Character.isLetterOrDigit(text.charAt(from - 1)))) {
                return m.getValue();
            }
        }
        return 1;
    }

    private static boolean isUnspacedLetter(char c) {
        return org.lurewatch.assess.text.Script.isUnspaced(c);
    }

    private static int rangeSeparator(String text, int j) {
        if (j >= text.length()) {
            return -1;
        }
        char c = text.charAt(j);
        if (c == '-' || c == '–' || c == '~' || c == '至' || c == '到') {
            return j + 1;
        }
        for (String w : new String[] {"to ", "đến ", "den ", "sampai ", "hingga ", "hanggang ", "ถึง", "until "}) {
            if (text.startsWith(w, j)) {
                return j + w.length();
            }
        }
        return -1;
    }

    private static TermHit currencyEndingNear(List<TermHit> currencies, int start) {
        TermHit best = null;
        for (TermHit h : currencies) {
            if (h.end() <= start && start - h.end() <= 2) {
                best = h;
            }
        }
        return best;
    }

    private static TermHit currencyStartingNear(List<TermHit> currencies, int end) {
        for (TermHit h : currencies) {
            if (h.start() >= end && h.start() - end <= 2) {
                return h;
            }
        }
        return null;
    }

    private static TermHit currencyAt(List<TermHit> currencies, int from, int to) {
        for (TermHit h : currencies) {
            if (h.start() >= from && h.start() <= to) {
                return h;
            }
        }
        return null;
    }

    private static TermHit currencyStartingAt(List<TermHit> currencies, int at) {
        for (TermHit h : currencies) {
            if (h.start() == at) {
                return h;
            }
        }
        return null;
    }

    private static boolean near(List<TermHit> hits, int start, int end, int distance) {
        for (TermHit h : hits) {
            if ((h.end() <= start && start - h.end() <= distance) || (h.start() >= end && h.start() - end <= distance)
                    || (h.start() < end && h.end() > start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean cueBefore(List<TermHit> cues, int start) {
        for (TermHit h : cues) {
            if (h.end() <= start && start - h.end() <= CUE_DISTANCE) {
                return true;
            }
        }
        return false;
    }

    private static TermHit periodAfter(List<TermHit> periods, int end, int distance) {
        for (TermHit h : periods) {
            if (h.start() >= end && h.start() - end <= distance) {
                return h;
            }
        }
        return null;
    }

    /** Exposed for tests: the multipliers known. */
    Map<String, Double> multipliers() {
        return lexicons.multipliers();
    }
}
