package org.lurewatch.assess.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds pressure to act fast: the URGENCY phrases of the lexicons, plus deadlines written with numbers
 * ("fly within 3 days", "bay trong 7 ngày", "berangkat 2 hari lagi", "3天内出发").
 */
public final class UrgencyExtractor {
    private static final Pattern DEADLINE = Pattern.compile(
            "(?:within|in|trong|dalam|sa loob ng|ภายใน)\\s?[0-9]{1,2}\\s?(?:days?|hours?|ngày|giờ|hari|jam|araw|oras|วัน|ชั่วโมง)"
                    + "|[0-9]{1,2}\\s?(?:天内|日内|小时内)");

    /** Urgency hits: the lexicon's plus numeric deadlines, each as a span in the normalised text. */
    public List<TermHit> extract(String text, List<TermHit> lexiconHits) {
        List<TermHit> out = new ArrayList<>(lexiconHits);
        if (hasDigit(text)) {
            Matcher m = DEADLINE.matcher(text);
            while (m.find()) {
                out.add(new TermHit("URGENCY", null, m.start(), m.end()));
            }
        }
        return out;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
