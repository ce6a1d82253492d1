package org.lurewatch.assess.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds pressure to act fast: the URGENCY phrases of the lexicons, plus deadlines written with a number and
 * a period word ("fly within 3 days", "bay trong 7 ngày", "dalam 2 hari", "ภายใน 3 วัน", "3天内"). Thread-safe.
 */
public final class UrgencyExtractor {
    private static final String[] PREFIXES = {"within ", "in ", "trong ", "dalam ", "sa loob ng ", "ภายใน", "ภายใน "};
    private static final String[] SUFFIXES = {"内", "以内"};

    /**
     * @param text        the normalised text
     * @param lexiconHits URGENCY phrase hits
     * @param periods     pay-period word hits (day, hour, week...), which also serve for deadlines
     */
    public List<TermHit> extract(String text, List<TermHit> lexiconHits, List<TermHit> periods) {
        List<TermHit> out = null;
        for (TermHit p : periods) {
            if (p.language().equals("month") || p.language().equals("year")) {
                continue;
            }
            int i = p.start();
            while (i > 0 && text.charAt(i - 1) == ' ') {
                i--;
            }
            int digitsEnd = i;
            while (i > 0 && Character.isDigit(text.charAt(i - 1))) {
                i--;
            }
            if (i == digitsEnd || digitsEnd - i > 2) {
                continue;
            }
            int start = -1;
            for (String prefix : PREFIXES) {
                int k = i - prefix.length();
                if (k >= 0 && text.startsWith(prefix, k) && (k == 0 || !Character.isLetter(text.charAt(k - 1)))) {
                    start = k;
                    break;
                }
            }
            int end = p.end();
            for (String suffix : SUFFIXES) {
                if (text.startsWith(suffix, end)) {
                    start = start < 0 ? i : start;
                    end += suffix.length();
                    break;
                }
            }
            if (start >= 0) {
                if (out == null) {
                    out = new ArrayList<>(lexiconHits);
                }
                out.add(new TermHit("URGENCY", null, start, end));
            }
        }
        return out == null ? lexiconHits : out;
    }
}
