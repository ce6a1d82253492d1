package org.lurewatch.assess.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lurewatch.assess.Fixtures;

class LanguageDetectorTest {
    private final LanguageDetector detector = Fixtures.languageDetector();

    private String detect(String raw) {
        return detector.detect(Fixtures.lexicons().normalizer().normalize(raw).text(), null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en | We are hiring customer service staff for our office, no experience needed and the salary is good",
            "id | Dibutuhkan admin online untuk perusahaan di Kamboja, gaji tinggi, tidak perlu pengalaman, hubungi kami segera",
            "ms | Jawatan kosong di Kemboja, gaji lumayan, tak perlu pengalaman, sesiapa yang berminat boleh PM saya sahaja",
            "tl | Hiring po kami ng CSR sa Thailand, walang experience ay pwede, libre ang ticket at tirahan para sa lahat",
            "vi | Tuyển gấp nhân viên chăm sóc khách hàng, lương cao, không cần kinh nghiệm, bao ăn ở",
            "vi | moi nguoi oi giup em voi, em trai em di campuchia lam cskh duoc 1 thang thi bi ban sang cong ty khac",
            "th | รับสมัครแอดมินด่วน รายได้ดี ไม่ต้องมีประสบการณ์ ฟรีที่พัก",
            "zh | 高薪招聘客服，包吃包住，无需经验",
            "my | ထိုင်းနိုင်ငံ ကုမ္ပဏီ အတွက် စာရိုက် ဝန်ထမ်း ခေါ်မည်",
            "km | ក្រុមហ៊ុនធំ ជ្រើសរើសបុគ្គលិកផ្នែកសេវាអតិថិជន",
            "lo | ຮັບສະໝັກພະນັກງານ ເງິນເດືອນສູງ"})
    void shouldDetectEachServedLanguage(String expected, String text) {
        assertThat(detect(text)).isEqualTo(expected);
    }

    @Test
    void shouldPreferAServedScriptInMixedPosts() {
        assertThat(detect("Job in Cambodia ប្រាក់ខែ 1000 ដុល្លារ ជ្រើសរើសបុគ្គលិក telegram @abc")).isEqualTo("km");
        assertThat(detect("CS job 月薪1万5 包吃住 telegram")).isEqualTo("zh");
    }

    @Test
    void shouldTrustTheFeedHint() {
        assertThat(detector.detect("we are hiring", "id")).isEqualTo("id");
        assertThat(detector.detect("we are hiring", "in")).isEqualTo("id");
        assertThat(detector.detect("we are hiring", "fil")).isEqualTo("tl");
        assertThat(detector.detect("we are hiring", "zh-CN")).isEqualTo("zh");
        assertThat(detector.detect("we are hiring", "und")).isEqualTo("en");
    }

    @Test
    void shouldMapIso3HintsAndRejectNonsense() {
        assertThat(LanguageDetector.normalizeHint("vie")).isEqualTo("vi");
        assertThat(LanguageDetector.normalizeHint("mya")).isEqualTo("my");
        assertThat(LanguageDetector.normalizeHint("")).isNull();
        assertThat(LanguageDetector.normalizeHint(null)).isNull();
    }

    @Test
    void shouldSayUndForTextWithoutLetters() {
        assertThat(detect("12345 !!! 😀")).isEqualTo("und");
    }
}
