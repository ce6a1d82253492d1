package org.lurewatch.assess.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhraseResolverTest {
    @Test
    void shouldReadNoExperienceRequiredAsALureSignNotAsALicensedEmployer() {
        Extraction ex = ExtractionHelper.extract("Hiring data encoders, no experience required, free housing", "en");
        assertThat(ex.has("NO_EXPERIENCE")).isTrue();
        assertThat(ex.has("LEGIT_EMPLOYER")).isFalse();
    }

    @Test
    void shouldKeepARealRequirementOfExperience() {
        Extraction ex = ExtractionHelper.extract("Senior accountant, 5 years experience required, employment contract", "en");
        assertThat(ex.has("LEGIT_EMPLOYER")).isTrue();
    }

    @Test
    void shouldNotCountANegatedSignOfARealEmployer() {
        assertThat(ExtractionHelper.extract("Job in Bangkok, employment contract and health insurance", "en")
                .has("LEGIT_EMPLOYER")).isTrue();
        assertThat(ExtractionHelper.extract("Job in Bangkok, no employment contract, no health insurance", "en")
                .has("LEGIT_EMPLOYER")).isFalse();
    }

    @Test
    void shouldNotCountASignOfARealEmployerNegatedAfterIt() {
        // Korean and Japanese negate after the noun: "면접 없음", "面接なし"
        Extraction ex = ExtractionHelper.extract("4대보험 없음, 경력 무관", "ko");
        assertThat(ex.terms("LEGIT_EMPLOYER")).isEmpty();
    }

    @Test
    void shouldNotLetACuePhraseSwallowTheWordsOfAnother() {
        // "typing job" (a cue) keeps its "job" for the salary rule
        assertThat(ExtractionHelper.extract("typing job, $1500 plus bonus", "en").salaries()).isNotEmpty();
    }
}
