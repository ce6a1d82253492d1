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
    void shouldNotLetACuePhraseSwallowTheWordsOfAnother() {
        // "typing job" (a cue) keeps its "job" for the salary rule
        assertThat(ExtractionHelper.extract("typing job, $1500 plus bonus", "en").salaries()).isNotEmpty();
    }
}
