package org.lurewatch.assess.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the age range a post asks for ("18-35", "age 20 to 30", "usia 18 sampai 35 tahun", "18-30 tuổi",
 * "อายุ 18-35 ปี", "18至35岁"). A range counts when both ends are plausible working ages and an age word is
 * close by, so "18-35" in a phone number or a date does not. Thread-safe.
 */
public final class AgeRangeExtractor {
    private static final Pattern RANGE = Pattern.compile(
            "(?<![0-9.,])([1-6][0-9])\\s?(?:-|–|~|to|hanggang|sampai|s/d|sd|đến|den|ถึง|至|到|until)\\s?([1-6][0-9])(?![0-9.,])");
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
        Matcher m = RANGE.matcher(text).useTransparentBounds(true);
        int searched = 0;
        for (TermHit cue : cues) {
            int from = Math.max(searched, cue.start() - CUE_AFTER - 12);
            int to = Math.min(text.length(), cue.end() + CUE_BEFORE + 12);
            if (from >= to) {
                continue;
            }
            m.region(from, to);
            searched = to;
            while (m.find()) {
                int lo = Integer.parseInt(m.group(1));
                int hi = Integer.parseInt(m.group(2));
                int start = m.start();
                boolean plausible = lo >= 15 && hi <= 65 && lo < hi && hi - lo <= 35;
                if (plausible && near(cues, start, m.end()) && out.stream().noneMatch(a -> a.start() == start)) {
                    out.add(new AgeRange(lo, hi, start, m.end()));
                }
            }
        }
        return out;
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
