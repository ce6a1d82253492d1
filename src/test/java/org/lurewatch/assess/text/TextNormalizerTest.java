package org.lurewatch.assess.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lurewatch.assess.Evidence;

class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer(Set.of("telegram", "tele", "whatsapp", "wa", "zalo", "line", "visa"));

    private static Evidence spanOf(NormalizedText n, String normalizedNeedle) {
        int i = n.text().indexOf(normalizedNeedle);
        assertThat(i).as("'%s' in '%s'", normalizedNeedle, n.text()).isGreaterThanOrEqualTo(0);
        return n.evidence(i, i + normalizedNeedle.length());
    }

    @Test
    void shouldLowerCaseAndCollapseWhitespaceKeepingOffsets() {
        NormalizedText n = normalizer.normalize("URGENT   Hiring\n\nCustomer  Service");
        assertThat(n.text()).isEqualTo("urgent hiring customer service");
        Evidence e = spanOf(n, "customer service");
        assertThat(e.text()).isEqualTo("Customer  Service");
        assertThat(n.original().substring(e.start(), e.end())).isEqualTo(e.text());
    }

    @Test
    void shouldApplyNfkcToFullwidthAndMathematicalLetters() {
        NormalizedText n = normalizer.normalize("ＴＥＬＥＧＲＡＭ 𝐬𝐚𝐥𝐚𝐫𝐲 ①");
        assertThat(n.text()).isEqualTo("telegram salary 1");
        assertThat(spanOf(n, "salary").text()).isEqualTo("𝐬𝐚𝐥𝐚𝐫𝐲");
    }

    @Test
    void shouldRemoveZeroWidthCharactersAndReportThemInsideWords() {
        NormalizedText n = normalizer.normalize("Tele\u200Bgram @hr_job");
        assertThat(n.text()).isEqualTo("telegram @hr_job");
        assertThat(n.obfuscations()).isNotEmpty();
        assertThat(spanOf(n, "telegram").text()).isEqualTo("Tele\u200Bgram");
    }

    @Test
    void shouldFoldCyrillicHomoglyphsInLatinWords() {
        NormalizedText n = normalizer.normalize("Теlеgram"); // Cyrillic Т and е
        assertThat(n.text()).isEqualTo("telegram");
        assertThat(n.obfuscations()).isNotEmpty();
    }

    @Test
    void shouldJoinSpacedAndDottedLetters() {
        assertThat(normalizer.normalize("T e l e g r a m: @abc").text()).isEqualTo("telegram: @abc");
        assertThat(normalizer.normalize("contact W.A 0812").text()).isEqualTo("contact wa 0812");
        assertThat(normalizer.normalize("w/a me").text()).isEqualTo("wa me");
        assertThat(normalizer.normalize("Z.a.l.o 0900").text()).isEqualTo("zalo 0900");
        NormalizedText n = normalizer.normalize("ask T.e.l.e now");
        Evidence e = spanOf(n, "tele");
        assertThat(e.text()).isEqualTo("T.e.l.e");
        assertThat(n.obfuscations()).extracting(Evidence::text).contains("T.e.l.e");
    }

    @Test
    void shouldNotJoinTimesOrOrdinaryAbbreviations() {
        assertThat(normalizer.normalize("9 a.m. to 5 p.m.").text()).isEqualTo("9 a.m. to 5 p.m.");
        assertThat(normalizer.normalize("n/a").text()).isEqualTo("n/a");
        assertThat(normalizer.normalize("a b").text()).isEqualTo("a b");
    }

    @Test
    void shouldFoldLeetspeakIntoKnownWordsOnly() {
        NormalizedText n = normalizer.normalize("msg t3legram or wh4tsapp, handle hr_job1");
        assertThat(n.text()).isEqualTo("msg telegram or whatsapp, handle hr_job1");
        assertThat(n.obfuscations()).extracting(Evidence::text).contains("t3legram", "wh4tsapp");
        assertThat(normalizer.normalize("v1sa free").text()).isEqualTo("visa free");
    }

    @Test
    void shouldFoldLettersUsedAsDigitsInNumbers() {
        assertThat(normalizer.normalize("call 09OO 22Z 333").text()).isEqualTo("call 0900 222 333");
    }

    @Test
    void shouldMapEmojiAndFlagsToWords() {
        NormalizedText n = normalizer.normalize("💰1k5 ✈️ 🇰🇭");
        assertThat(n.text()).isEqualTo("money 1k5 flight cambodia");
        assertThat(spanOf(n, "cambodia").text()).isEqualTo("🇰🇭");
    }

    @Test
    void shouldCollapseRepeatedPunctuation() {
        assertThat(normalizer.normalize("HIRING!!!!! now???").text()).isEqualTo("hiring! now?");
    }

    @Test
    void shouldFoldNativeDigitsToAscii() {
        assertThat(normalizer.normalize("อายุ ๑๘-๓๕ ปี").text()).isEqualTo("อายุ 18-35 ปี");
        assertThat(normalizer.normalize("၁၈-၃၅").text()).isEqualTo("18-35");
        assertThat(normalizer.normalize("១៨-៣៥").text()).isEqualTo("18-35");
    }

    @Test
    void shouldComposeDecomposedVietnamese() {
        String decomposed = java.text.Normalizer.normalize("Lương cao", java.text.Normalizer.Form.NFD);
        NormalizedText n = normalizer.normalize(decomposed);
        assertThat(n.text()).isEqualTo("lương cao");
        assertThat(spanOf(n, "lương").text()).isEqualTo(decomposed.substring(0, decomposed.indexOf(' ')));
    }

    @Test
    void shouldConvertZawgyiBurmeseToUnicode() {
        String zawgyi = "အျပည္ျပည္ဆိုင္ရာ လူ႔အခြင့္အေရး ေၾကညာစာတမ္း";
        assertThat(normalizer.isZawgyi(zawgyi)).isTrue();
        NormalizedText n = normalizer.normalize(zawgyi);
        assertThat(n.text()).contains("အပြည်ပြည်ဆိုင်ရာ");
        assertThat(normalizer.isZawgyi("အပြည်ပြည်ဆိုင်ရာ လူ့အခွင့်အရေး ကြေညာစာတမ်း")).isFalse();
        Evidence e = spanOf(n, "အပြည်ပြည်ဆိုင်ရာ");
        assertThat(e.text()).isEqualTo("အျပည္ျပည္ဆိုင္ရာ");
    }

    @Test
    void shouldMapEveryNormalisedCharToAValidOriginalSpan() {
        String original = "🔥URGENT🔥 Ｔ.e.l.e: @HR_88 — lương 15tr/tháng!!! 🇹🇭 ＃job";
        NormalizedText n = normalizer.normalize(original);
        for (int i = 0; i < n.length(); i++) {
            assertThat(n.originalStart(i)).isBetween(0, original.length());
            assertThat(n.originalEnd(i)).isBetween(n.originalStart(i), original.length());
        }
        assertThat(n.evidence(0, n.length()).text()).isEqualTo(original.substring(n.originalStart(0)));
    }
}
