package org.lurewatch.assess.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.assess.Fixtures;

class LexiconLoaderTest {
    @TempDir
    Path dir;

    @Test
    void shouldLoadEveryBundledLanguageWithLabelsForEachIndicator() {
        Lexicons lex = Fixtures.lexicons();
        assertThat(lex.languages()).containsKeys("en", "id", "ms", "tl", "vi", "th", "zh", "my", "km", "lo");
        for (String lang : new String[] {"en", "id", "ms", "tl", "vi", "th", "zh", "my", "km"}) {
            assertThat(lex.language(lang).labels()).as(lang).containsKeys("PAID_TRAVEL", "CONFINEMENT", "WATCHLISTED_CONTACT");
        }
        assertThat(lex.indicators()).containsKeys("HIGH_PAY_UNSKILLED", "WATCHLISTED_CONTACT", "NEWS_OR_WARNING");
        assertThat(lex.places()).extracting(Place::name).contains("Myawaddy", "KK Park", "Sihanoukville", "Golden Triangle SEZ");
    }

    @Test
    void shouldExtendTheBundledLexiconFromTheOverrideDirectory() throws IOException {
        Files.writeString(dir.resolve("id.yaml"), """
                terms:
                  PAID_TRAVEL: [ongkos pesawat gratis]
                """);
        Files.writeString(dir.resolve("ne.yaml"), """
                language: ne
                currency: USD
                labels:
                  PAID_TRAVEL: "भाडा तिर्ने"
                terms:
                  PAID_TRAVEL: [निःशुल्क टिकट]
                """);
        Lexicons lex = LexiconLoader.load(dir);
        assertThat(lex.language("id").terms().get("PAID_TRAVEL")).contains("ongkos pesawat gratis", "tiket gratis");
        assertThat(lex.language("ne").labels()).containsEntry("PAID_TRAVEL", "भाडा तिर्ने");
        assertThat(lex.localLabel("PAID_TRAVEL", "ne")).isEqualTo("भाडा तिर्ने");
    }

    @Test
    void shouldReplaceABundledFileInReplaceMode() throws IOException {
        Files.writeString(dir.resolve("vi.yaml"), """
                mode: replace
                terms:
                  URGENCY: [khẩn cấp lắm]
                """);
        Lexicons lex = LexiconLoader.load(dir);
        assertThat(lex.language("vi").terms()).containsOnlyKeys("URGENCY");
        assertThat(lex.language("vi").labels()).isEmpty();
    }

    @Test
    void shouldNameFileLineAndKeyOfAnUnknownIndicator() throws IOException {
        Files.writeString(dir.resolve("id.yaml"), """
                terms:
                  PAID_TRAVEL: [tiket]
                  PAID_TRAVL: [typo]
                """);
        assertThatThrownBy(() -> LexiconLoader.load(dir))
                .isInstanceOf(LexiconException.class)
                .hasMessageContaining("id.yaml:3: terms.PAID_TRAVL: unknown indicator or cue")
                .satisfies(e -> {
                    LexiconException le = (LexiconException) e;
                    assertThat(le.line()).isEqualTo(3);
                    assertThat(le.key()).isEqualTo("terms.PAID_TRAVL");
                });
    }

    @Test
    void shouldReportInvalidYamlWithItsLine() throws IOException {
        Files.writeString(dir.resolve("th.yaml"), "terms:\n  URGENCY: [ด่วน\n  PASSPORT: x\n");
        assertThatThrownBy(() -> LexiconLoader.load(dir))
                .isInstanceOf(LexiconException.class)
                .hasMessageContaining("th.yaml")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void shouldRejectWrongTypesAndBadValues() throws IOException {
        Files.writeString(dir.resolve("en.yaml"), "terms:\n  URGENCY: urgent\n");
        assertThatThrownBy(() -> LexiconLoader.load(dir)).hasMessageContaining("en.yaml:2: terms.URGENCY: expected a list");
        Files.writeString(dir.resolve("en.yaml"), "currency: DOGE\n");
        assertThatThrownBy(() -> LexiconLoader.load(dir)).hasMessageContaining("en.yaml:1: currency: unknown currency 'DOGE'");
        Files.writeString(dir.resolve("en.yaml"), "language: id\n");
        assertThatThrownBy(() -> LexiconLoader.load(dir)).hasMessageContaining("does not match the file name en.yaml");
        Files.delete(dir.resolve("en.yaml"));
        Files.writeString(dir.resolve("indicators.yaml"), "indicators:\n  NEW_CODE: {weight: 9999, group: lure, label: x}\n");
        assertThatThrownBy(() -> LexiconLoader.load(dir)).hasMessageContaining("indicators.NEW_CODE.weight: expected a number in [-10.0, 10.0]");
    }

    @Test
    void shouldFailClearlyOnAMissingOverrideDirectory() {
        assertThatThrownBy(() -> LexiconLoader.load(dir.resolve("nope")))
                .isInstanceOf(LexiconException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void shouldLetAnOverrideAddAnIndicatorThatFiresOnItsPhrases() throws IOException {
        Files.writeString(dir.resolve("indicators.yaml"), """
                indicators:
                  DEBT_BONDAGE_OFFER: {group: lure, weight: 0.8, label: "Loan against future salary"}
                """);
        Files.writeString(dir.resolve("en.yaml"), "terms:\n  DEBT_BONDAGE_OFFER: [salary advance for your ticket]\n");
        Lexicons lex = LexiconLoader.load(dir);
        var analyzer = new org.lurewatch.assess.model.PostAnalyzer(lex, Fixtures.languageDetector());
        var a = analyzer.analyze(org.lurewatch.ingest.Post.ofText("x", "t", org.lurewatch.ingest.PostKind.JOB_AD, "en", "",
                "We give a salary advance for your ticket"));
        assertThat(a.indicators().indicators()).extracting(org.lurewatch.assess.Indicator::code).contains("DEBT_BONDAGE_OFFER");
    }
}
