package org.lurewatch.assess.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeRangeExtractorTest {
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "en | Requirements: 18 to 35 years old | 18 | 35",
            "en | age 20-30 only | 20 | 30",
            "id | usia 18 sampai 35 tahun | 18 | 35",
            "vi | Nam nữ 18-35 tuổi | 18 | 35",
            "th | อายุ 18-35 ปี | 18 | 35",
            "zh | 年龄18至35岁 | 18 | 35",
            "my | အသက် ၁၈-၃၅ | 18 | 35",
            "tl | 18-30 taong gulang | 18 | 30"})
    void shouldFindAgeRanges(String lang, String text, int lo, int hi) {
        var ages = ExtractionHelper.extract(text, lang).ages();
        assertThat(ages).hasSize(1);
        assertThat(ages.get(0).low()).isEqualTo(lo);
        assertThat(ages.get(0).high()).isEqualTo(hi);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "en | call 0812-18-35 now",
            "en | salary 20-30k per month",
            "en | open 10-20 slots"})
    void shouldIgnoreRangesThatAreNotAges(String lang, String text) {
        assertThat(ExtractionHelper.extract(text, lang).ages()).isEmpty();
    }
}
