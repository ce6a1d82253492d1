package org.lurewatch.assess.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lurewatch.assess.lexicon.PlaceKind;

class PlaceAndUrgencyExtractorTest {
    @Test
    void shouldFindPlacesByTheirLocalNames() {
        assertThat(ExtractionHelper.extract("ทำงานที่สีหนุวิลล์ กัมพูชา", "th").places())
                .extracting(p -> p.place().name()).containsExactly("Sihanoukville", "Cambodia");
        assertThat(ExtractionHelper.extract("妙瓦底园区 高薪", "zh").places())
                .extracting(p -> p.place().name()).containsExactly("Myawaddy");
        assertThat(ExtractionHelper.extract("kerja di Kamboja", "id").places())
                .extracting(p -> p.place().kind()).containsExactly(PlaceKind.COUNTRY);
        assertThat(ExtractionHelper.extract("ကုမ္ပဏီ ရုံးခွဲ ရွှေကုက္ကို", "my").places())
                .extracting(p -> p.place().name()).containsExactly("Shwe Kokko");
    }

    @Test
    void shouldPreferTheLongerPlaceName() {
        assertThat(ExtractionHelper.extract("Golden Triangle SEZ, Bokeo", "en").places())
                .extracting(p -> p.place().name()).containsExactly("Golden Triangle SEZ", "Bokeo");
    }

    @Test
    void shouldFindUrgencyPhrasesAndDeadlines() {
        Extraction ex = ExtractionHelper.extract("Fly out within 7 days! Limited slots only.", "en");
        assertThat(ex.terms("URGENCY")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(ExtractionHelper.extract("berangkat dalam 3 hari", "id").has("URGENCY")).isTrue();
        assertThat(ExtractionHelper.extract("3天内出发", "zh").has("URGENCY")).isTrue();
        assertThat(ExtractionHelper.extract("we work 8 hours a day", "en").has("URGENCY")).isFalse();
    }
}
