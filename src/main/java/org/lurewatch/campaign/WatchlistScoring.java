package org.lurewatch.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lurewatch.assess.Assessment;
import org.lurewatch.assess.Band;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.Contact;
import org.lurewatch.assess.Bands;
import org.lurewatch.assess.Evidence;
import org.lurewatch.assess.Indicator;

/**
 * Adjusts an assessment for recruiter contacts that hotlines have judged: a contact confirmed as a recruiter's
 * adds the indicator {@value #CONFIRMED} and raises the score, even when the text alone is mild; a contact
 * judged a false positive adds {@value #CLEARED} and lowers it.
 *
 * <p>The assess step calls it after scoring ({@code app.AssessTopology}). Its rules:
 * <ul>
 *   <li>each kind of hit moves the score by {@value #WEIGHT} in log-odds (five times the odds) once, however
 *       many contacts hit, so a post cannot be pushed to certainty by listing several;</li>
 *   <li>the band follows the score with the scorer's own thresholds ({@link Bands}), but a confirmation never
 *       lowers the band and a false positive never raises it;</li>
 *   <li>the category is kept: a distress post is never touched (its contacts are a family's, not a
 *       recruiter's), and a benign post that names a confirmed handle (an NGO warning quoting it) stays benign.
 *       A mild lure, scored medium, becomes high with a confirmed contact.</li>
 * </ul>
 */
public final class WatchlistScoring {
    public static final String CONFIRMED = "WATCHLISTED_CONTACT";
    public static final String CLEARED = "CLEARED_CONTACT";
    public static final double WEIGHT = 1.6;

    private WatchlistScoring() {
    }

    public static Assessment withWatchlistHits(Assessment assessment, List<Contact> confirmed, List<Contact> falsePositive) {
        Objects.requireNonNull(assessment, "assessment");
        if (assessment.category() == Category.DISTRESS || (confirmed.isEmpty() && falsePositive.isEmpty())) {
            return assessment;
        }
        double logOdds = logOdds(assessment.score());
        List<Indicator> indicators = new ArrayList<>(assessment.indicators());
        if (!confirmed.isEmpty()) {
            logOdds += WEIGHT;
            indicators.add(new Indicator(CONFIRMED, WEIGHT, "Recruiter contact confirmed by a hotline", null,
                    evidence(confirmed)));
        }
        if (!falsePositive.isEmpty()) {
            logOdds -= WEIGHT;
            indicators.add(new Indicator(CLEARED, -WEIGHT, "Contact judged a false positive by a hotline", null,
                    evidence(falsePositive)));
        }
        double score = 1.0 / (1.0 + Math.exp(-logOdds));
        Band band = band(score);
        if (falsePositive.isEmpty() && !band.atLeast(assessment.band())) {
            band = assessment.band();
        } else if (confirmed.isEmpty() && band.atLeast(assessment.band())) {
            band = assessment.band();
        }
        return new Assessment(assessment.postId(), assessment.category(), score, band, assessment.language(),
                indicators, assessment.contacts(), assessment.modelVersion());
    }

    static Band band(double score) {
        return Bands.of(score);
    }

    private static double logOdds(double score) {
        double p = Math.min(Math.max(score, 1e-6), 1 - 1e-6);
        return Math.log(p / (1 - p));
    }

    /** Each contact's own span in the post, so a reader sees which contact is on the watchlist. */
    private static List<Evidence> evidence(List<Contact> contacts) {
        return contacts.stream().map(Contact::evidence).filter(Objects::nonNull).distinct().toList();
    }
}
