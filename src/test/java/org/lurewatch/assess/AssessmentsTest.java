package org.lurewatch.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AssessmentsTest {
    private static final Contact TG = new Contact(ContactType.TELEGRAM, "hr_job88", new Evidence(10, 19, "@hr_job88"));
    private static final Contact PHONE = new Contact(ContactType.PHONE, "+84900111222", new Evidence(30, 42, "0900 111 222"));

    private static Assessment assessment(Category c, double score) {
        return new Assessment("p1", c, score, Bands.of(score), "vi", List.of(), List.of(TG, PHONE), "lure-doccat-1.0");
    }

    @Test
    void shouldRaiseABenignPostWithAConfirmedContactToALure() {
        Assessment a = Assessments.withWatchlistHits(assessment(Category.BENIGN, 0.3), List.of(TG), List.of());
        assertThat(a.score()).isGreaterThan(0.7);
        assertThat(a.category()).isEqualTo(Category.LURE);
        assertThat(a.band()).isEqualTo(Bands.of(a.score()));
        assertThat(a.indicators()).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo("WATCHLISTED_CONTACT");
            assertThat(i.evidence()).extracting(Evidence::text).containsExactly("@hr_job88");
        });
    }

    @Test
    void shouldLowerALureWhoseContactIsAKnownFalsePositive() {
        Assessment a = Assessments.withWatchlistHits(assessment(Category.LURE, 0.6), List.of(), List.of(PHONE));
        assertThat(a.score()).isLessThan(0.5);
        assertThat(a.category()).isEqualTo(Category.BENIGN);
        assertThat(a.band()).isEqualTo(Band.MEDIUM);
    }

    @Test
    void shouldNeverDemoteADistressPost() {
        Assessment a = Assessments.withWatchlistHits(assessment(Category.DISTRESS, 0.55), List.of(), List.of(TG, PHONE));
        assertThat(a.category()).isEqualTo(Category.DISTRESS);
        assertThat(a.score()).isGreaterThanOrEqualTo(Bands.DECISION);
    }

    @Test
    void shouldCountEachContactOnceAndChangeNothingWithoutHits() {
        Assessment base = assessment(Category.BENIGN, 0.2);
        assertThat(Assessments.withWatchlistHits(base, List.of(), List.of())).isSameAs(base);
        Assessment once = Assessments.withWatchlistHits(base, List.of(TG), List.of());
        Assessment twice = Assessments.withWatchlistHits(base, List.of(TG, TG), List.of());
        assertThat(twice.score()).isEqualTo(once.score());
    }
}
