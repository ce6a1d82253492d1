package org.lurewatch.assess.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lurewatch.assess.lexicon.PhraseCues;

/**
 * Decides which phrase hits stand, so that a phrase is read in its context rather than counted as a keyword:
 * <ul>
 *   <li><b>The longer reading wins.</b> A phrase inside a longer indicator phrase of another category is dropped: "no
 *       experience required" is a lure's NO_EXPERIENCE, not LEGIT_EMPLOYER's "experience required"; "not a
 *       scam" is reassurance, not a scam word; "fake job offer" is a warning, not a job offer. A cue phrase does
 *       not swallow others ("typing job" leaves its "job" for the salary rule).</li>
 *   <li><b>Negated counter-signs do not count.</b> A phrase of a counter indicator (a licensed employer, a
 *       warning, a rescue) right after a negator ("no contract", "without interview", "không hợp đồng",
 *       "不需要面试") or right before an after-negator (Japanese "面接なし", Korean "면접 없음") is dropped: a
 *       lure saying there is no interview is not a sign of a real employer.</li>
 * </ul>
 * Stateless.
 */
final class PhraseResolver {
    /** How far a negator may stand from the phrase it negates: adjacent, or one space between. */
    private static final int NEGATION_GAP = 1;

    private PhraseResolver() {
    }

    /**
     * @param byCategory  phrase hits per category (indicator code or cue), changed in place
     * @param indicators  the indicator categories (the others are cues)
     * @param negatable   the categories a negator cancels (the counter indicators)
     */
    static void resolve(Map<String, List<TermHit>> byCategory, Set<String> indicators, Set<String> negatable) {
        dropContained(byCategory, indicators);
        List<TermHit> before = byCategory.getOrDefault(PhraseCues.NEGATION, List.of());
        List<TermHit> after = byCategory.getOrDefault(PhraseCues.NEGATION_AFTER, List.of());
        if (before.isEmpty() && after.isEmpty()) {
            return;
        }
        for (String category : negatable) {
            List<TermHit> hits = byCategory.get(category);
            if (hits == null) {
                continue;
            }
            List<TermHit> kept = new ArrayList<>(hits.size());
            for (TermHit h : hits) {
                if (!negated(h, before, after)) {
                    kept.add(h);
                }
            }
            if (kept.isEmpty()) {
                byCategory.remove(category);
            } else if (kept.size() != hits.size()) {
                byCategory.put(category, kept);
            }
        }
    }

    private static boolean negated(TermHit h, List<TermHit> before, List<TermHit> after) {
        for (TermHit n : before) {
            if (n.end() <= h.start() && h.start() - n.end() <= NEGATION_GAP) {
                return true;
            }
        }
        for (TermHit n : after) {
            if (n.start() >= h.end() && n.start() - h.end() <= NEGATION_GAP) {
                return true;
            }
        }
        return false;
    }

    /** Drops every hit strictly inside a longer indicator hit of another category. Few hits per post: pairwise is cheap. */
    private static void dropContained(Map<String, List<TermHit>> byCategory, Set<String> indicators) {
        List<TermHit> all = new ArrayList<>();
        byCategory.forEach((category, hits) -> {
            if (indicators.contains(category)) {
                all.addAll(hits);
            }
        });
        if (all.size() < 2) {
            return;
        }
        for (Map.Entry<String, List<TermHit>> e : byCategory.entrySet()) {
            List<TermHit> hits = e.getValue();
            List<TermHit> kept = null;
            for (int i = 0; i < hits.size(); i++) {
                TermHit h = hits.get(i);
                boolean inside = false;
                for (TermHit g : all) {
                    if (!g.category().equals(h.category()) && g.start() <= h.start() && g.end() >= h.end()
                            && g.end() - g.start() > h.end() - h.start()) {
                        inside = true;
                        break;
                    }
                }
                if (inside && kept == null) {
                    kept = new ArrayList<>(hits.subList(0, i));
                } else if (!inside && kept != null) {
                    kept.add(h);
                }
            }
            if (kept != null) {
                e.setValue(kept);
            }
        }
        byCategory.values().removeIf(List::isEmpty);
    }
}
