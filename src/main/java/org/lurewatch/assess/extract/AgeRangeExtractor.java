package org.lurewatch.assess.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the age range a post asks for ("18-35", "age 20 to 30", "usia 18 sampai 35 tahun", "18-30 tuổi",
 * "อายุ 18-35 ปี", "18至35岁"). A range counts when both ends are plausible working ages and an age word is
 * close by, so "18-35" in a phone number or a date does not. Only the text around age words is scanned.
 * Thread-safe.
 */
public final class AgeRangeExtractor {
    private static final String[] WORD_SEPARATORS = {"to", "hanggang", "sampai", "s/d", "sd", "đến", "den", "ถึง", "until"};
    private static final int CUE_BEFORE = 25;
    private static final int CUE_AFTER = 12;

    /**
     * @param text the normalised text
     * @param cues age-word hits (cue AGE)
     */
    public List<AgeRange> extract(String text, List<TermHit> cues) {
        if (cues.isEmpty()) {
            return List.of();
        }
        List<AgeRange> out = new ArrayList<>(1);
        int searched = 0;
        for (TermHit cue : cues) {
            int from = Math.max(searched, cue.start() - CUE_AFTER - 12);
            int to = Math.min(text.length(), cue.end() + CUE_BEFORE + 12);
            for (int i = from; i < to; i++) {
                if (!isTwoDigitNumberAt(text, i)) {
                    continue;
                }
                int end = rangeEnd(text, i);
                if (end < 0) {
                    continue;
                }
                int lo = (text.charAt(i) - '0') * 10 + text.charAt(i + 1) - '0';
                int hi = (text.charAt(end - 2) - '0') * 10 + text.charAt(end - 1) - '0';
                boolean plausible = lo >= 15 && hi <= 65 && lo < hi && hi - lo <= 35;
                int start = i;
                if (plausible && near(cues, start, end) && out.stream().noneMatch(a -> a.start() == start)) {
                    out.add(new AgeRange(lo, hi, start, end));
                }
                i = end - 1;
            }
            searched = Math.max(searched, to);
        }
        return out;
    }

    /** Exactly two digits at {@code i}, not part of a longer number. */
    private static boolean isTwoDigitNumberAt(String t, int i) {
        if (i + 1 >= t.length() || !isDigit(t.charAt(i)) || !isDigit(t.charAt(i + 1))) {
            return false;
        }
        if (i > 0 && (isDigit(t.charAt(i - 1)) || t.charAt(i - 1) == '.' || t.charAt(i - 1) == ',')) {
            return false;
        }
        return !(i + 2 < t.length() && (isDigit(t.charAt(i + 2)) || ((t.charAt(i + 2) == '.' || t.charAt(i + 2) == ',')
                && i + 3 < t.length() && isDigit(t.charAt(i + 3)))));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The end of "NN - NN" starting at {@code i}, or -1. */
    private static int rangeEnd(String t, int i) {
        int k = skipSpace(t, i + 2);
        if (k >= t.length()) {
            return -1;
        }
        char c = t.charAt(k);
        int after = -1;
        if (c == '-' || c == '–' || c == '~' || c == '至' || c == '到') {
            after = k + 1;
        } else {
            for (String w : WORD_SEPARATORS) {
                if (t.startsWith(w, k) && (k + w.length() >= t.length() || !Character.isLetter(t.charAt(k + w.length())))) {
                    after = k + w.length();
                    break;
                }
            }
        }
        if (after < 0) {
            return -1;
        }
        int j = skipSpace(t, after);
        return isTwoDigitNumberAt(t, j) ? j + 2 : -1;
    }

    private static int skipSpace(String t, int i) {
        return i < t.length() && t.charAt(i) == ' ' ? i + 1 : i;
    }

    private static boolean near(List<TermHit> cues, int start, int end) {
        for (TermHit h : cues) {
            if ((h.end() <= start && start - h.end() <= CUE_BEFORE) || (h.start() >= end && h.start() - end <= CUE_AFTER)) {
                return true;
            }
        }
        return false;
    }
}
