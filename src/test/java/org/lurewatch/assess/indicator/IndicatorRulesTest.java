package org.lurewatch.assess.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.lurewatch.assess.Fixtures;
import org.lurewatch.assess.Indicator;
import org.lurewatch.ingest.Post;
import org.lurewatch.ingest.PostKind;

class IndicatorRulesTest {
    private static List<Indicator> indicators(String lang, String text) {
        return Fixtures.analyzer().analyze(Post.ofText("t", "test", PostKind.JOB_AD, lang, "", text)).indicators().indicators();
    }

    private static Indicator find(String lang, String text, String code) {
        return indicators(lang, text).stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " did not fire on: " + text + " -> " + indicators(lang, text)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "HIGH_PAY_UNSKILLED | en | Customer service, salary $1,500/month, no experience needed | $1,500/month",
            "PAID_TRAVEL | vi | bao vé máy bay, bao ăn ở | bao vé máy bay",
            "NO_EXPERIENCE | id | tidak perlu pengalaman | tidak perlu pengalaman",
            "MLTC_DESTINATION | th | ทำงานที่สีหนุวิลล์ | สีหนุวิลล์",
            "MLTC_DESTINATION | vi | làm việc bên nước bạn | nước bạn",
            "MESSAGING_APP_CONTACT | en | contact Telegram @hr_jobs88 | @hr_jobs88",
            "URGENCY | en | fly out within 3 days | within 3 days",
            "AGE_RANGE | vi | nam nữ 18-35 tuổi | 18-35",
            "PASSPORT | zh | 有护照优先 | 护照",
            "OBFUSCATION | en | add me on T.e.l.e.g.r.a.m | T.e.l.e.g.r.a.m",
            "VAGUE_EMPLOYER | ms | syarikat besar di luar negara | syarikat besar",
            "CONFINEMENT | en | they took my passport and I cannot leave | took my passport",
            "RANSOM | id | keluarga diminta uang tebusan 50 juta | tebusan",
            "HELP_REQUEST | tl | pakitulong po, nasa panganib kami | pakitulong",
            "PLEA | tl | tulungan niyo po kami | tulungan niyo po kami",
            "VIOLENCE | km | ពួកគេវាយដំខ្ញុំ | វាយដំ",
            "FORCED_SCAM | my | အွန်လိုင်းလိမ် အတင်းခိုင်း | အတင်းခိုင်း",
            "NEWS_OR_WARNING | en | Police warn: beware of fake job offers | beware",
            "LEGIT_EMPLOYER | en | Apply via JobStreet, HMO and 13th month pay | 13th month pay"})
    void shouldFireWithEvidenceOnTheOriginalText(String code, String lang, String text, String evidence) {
        Indicator i = find(lang, text, code);
        assertThat(i.evidence()).extracting(org.lurewatch.assess.Evidence::text).anyMatch(t -> t.contains(evidence));
        i.evidence().forEach(e -> assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text()));
        assertThat(i.label()).isNotBlank();
    }

    @Test
    void shouldLabelInThePostLanguage() {
        Indicator i = find("vi", "bao vé máy bay", "PAID_TRAVEL");
        assertThat(i.label()).isEqualTo("Employer pays travel, visa, food or housing");
        assertThat(i.localLabel()).isEqualTo("Bao vé máy bay, visa, ăn ở");
        assertThat(find("en", "free air ticket", "PAID_TRAVEL").localLabel()).isEqualTo(i.label());
    }

    @Test
    void shouldNotCallWellPaidSkilledWorkHighPayUnskilled() {
        assertThat(indicators("en", "Senior backend engineer, 5 years of experience, USD 5,500/month"))
                .extracting(Indicator::code).doesNotContain("HIGH_PAY_UNSKILLED");
    }

    @Test
    void shouldDiscountLureIndicatorsQuotedInsideAWarning() {
        double quoted = find("en", "Police warn about ads saying \"free ticket and visa, no experience\" on Telegram", "PAID_TRAVEL").weight();
        double plain = find("en", "Police warn about ads saying free ticket and visa, no experience on Telegram", "PAID_TRAVEL").weight();
        assertThat(quoted).isLessThan(plain);
    }

    @Test
    void shouldGiveNegativeWeightToCounterIndicators() {
        assertThat(find("en", "Warning: beware of fake job offers", "NEWS_OR_WARNING").weight()).isNegative();
    }
}
