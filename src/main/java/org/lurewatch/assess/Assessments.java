package org.lurewatch.assess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lurewatch.assess.indicator.IndicatorCodes;

/** Changes to an assessment made after scoring, consistent with the calibration and the bands. */
public final class Assessments {
    /** Log-odds added per confirmed contact (at most two count). */
    public static final double CONFIRMED_WEIGHT = 2.0;
    /** Log-odds removed per contact that hotlines marked as a false positive (at most two count). */
    public static final double FALSE_POSITIVE_WEIGHT = -1.0;
    private static final String LABEL = "Contact confirmed in an earlier lure";

    private Assessments() {
    }

    /**
     * Adds the watchlist's verdict on a post's contacts. Each confirmed contact adds
     * {@link #CONFIRMED_WEIGHT} to the log-odds of the score, each false-positive contact adds
     * {@link #FALSE_POSITIVE_WEIGHT} (two of each at most); band and category follow the new score with the
     * same thresholds as scoring ({@link Bands}). A benign post that crosses the decision threshold becomes a
     * lure; a lure that falls below it becomes benign; a distress post stays distress (it goes to hotlines
     * only, and a recruiter's number in it does not make it less urgent). The WATCHLISTED_CONTACT indicator
     * lists the confirmed contacts as evidence. With no hits the assessment is returned unchanged.
     */
    public static Assessment withWatchlistHits(Assessment a, List<Contact> confirmed, List<Contact> falsePositive) {
        List<Contact> yes = distinct(confirmed);
        List<Contact> no = distinct(falsePositive);
        if (yes.isEmpty() && no.isEmpty()) {
            return a;
        }
        double delta = CONFIRMED_WEIGHT * Math.min(2, yes.size()) + FALSE_POSITIVE_WEIGHT * Math.min(2, no.size());
        double p = Math.min(0.9999, Math.max(0.0001, a.score()));
        double logit = Math.log(p / (1 - p)) + delta;
        double score = Math.round(1 / (1 + Math.exp(-logit)) * 10000) / 10000.0;
        Category category = a.category();
        if (category == Category.BENIGN && score >= Bands.DECISION) {
            category = Category.LURE;
        } else if (category == Category.LURE && score < Bands.DECISION) {
            category = Category.BENIGN;
        } else if (category == Category.DISTRESS && score < Bands.DECISION) {
            score = Bands.DECISION;
        }
        List<Indicator> indicators = new ArrayList<>();
        for (Indicator i : a.indicators()) {
            if (!i.code().equals(IndicatorCodes.WATCHLISTED_CONTACT)) {
                indicators.add(i);
            }
        }
        if (!yes.isEmpty()) {
            List<Evidence> evidence = new ArrayList<>();
            for (Contact c : yes) {
                if (c.evidence() != null) {
                    evidence.add(c.evidence());
                }
            }
            indicators.add(new Indicator(IndicatorCodes.WATCHLISTED_CONTACT, CONFIRMED_WEIGHT * Math.min(2, yes.size()),
                    LABEL, null, evidence));
        }
        return new Assessment(a.postId(), category, score, Bands.of(score), a.language(), indicators, a.contacts(),
                a.modelVersion());
    }

    private static List<Contact> distinct(List<Contact> contacts) {
        Map<String, Contact> byKey = new LinkedHashMap<>();
        if (contacts != null) {
            for (Contact c : contacts) {
                byKey.putIfAbsent(c.key(), c);
            }
        }
        return new ArrayList<>(byKey.values());
    }
}
