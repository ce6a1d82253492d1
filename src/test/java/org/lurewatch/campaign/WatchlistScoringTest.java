package org.lurewatch.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lurewatch.assess.Assessment;
import org.lurewatch.assess.Band;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.Contact;
import org.lurewatch.assess.ContactType;
import org.lurewatch.assess.Evidence;
import org.lurewatch.assess.Indicator;

class WatchlistScoringTest {
    private static final Contact HANDLE = new Contact(ContactType.TELEGRAM, "hr_x", new Evidence(10, 15, "@hr_x"));
    private static final Contact PHONE = new Contact(ContactType.WHATSAPP, "+6281234567890",
            new Evidence(20, 34, "+6281234567890"));

    @Test
    void shouldRaiseAMediumLureToHighOnceHoweverManyContactsAreConfirmed() {
        Assessment raised = WatchlistScoring.withWatchlistHits(assessment(Category.LURE, 0.5, Band.MEDIUM),
                List.of(HANDLE, PHONE), List.of());

        assertThat(raised.band()).isEqualTo(Band.HIGH);
        assertThat(raised.score()).isBetween(0.8, 0.85);
        assertThat(raised.indicators()).extracting(Indicator::code).containsExactly("KEYWORD", WatchlistScoring.CONFIRMED);
        assertThat(raised.indicators().get(1).evidence()).extracting(Evidence::text).containsExactly("@hr_x", "+6281234567890");
    }

    @Test
    void shouldNeverLowerTheBandForAConfirmationNorRaiseItForAFalsePositive() {
        Assessment critical = assessment(Category.LURE, 0.99, Band.CRITICAL);
        assertThat(WatchlistScoring.withWatchlistHits(critical, List.of(HANDLE), List.of()).band()).isEqualTo(Band.CRITICAL);

        Assessment low = assessment(Category.LURE, 0.1, Band.LOW);
        assertThat(WatchlistScoring.withWatchlistHits(low, List.of(), List.of(HANDLE)).band()).isEqualTo(Band.LOW);
    }

    @Test
    void shouldLeaveDistressAndCategoriesAlone() {
        Assessment distress = assessment(Category.DISTRESS, 0.8, Band.HIGH);
        assertThat(WatchlistScoring.withWatchlistHits(distress, List.of(PHONE), List.of())).isSameAs(distress);

        Assessment warning = assessment(Category.BENIGN, 0.05, Band.LOW);
        assertThat(WatchlistScoring.withWatchlistHits(warning, List.of(HANDLE), List.of()).category())
                .as("an NGO warning quoting the handle stays benign").isEqualTo(Category.BENIGN);
    }

    private static Assessment assessment(Category category, double score, Band band) {
        return new Assessment("p1", category, score, band, "id",
                List.of(new Indicator("KEYWORD", 1.0, "Test keyword", null, List.of())), List.of(HANDLE, PHONE), "test-1");
    }
}
