package org.lurewatch.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lurewatch.assess.Fixtures;
import org.lurewatch.assess.extract.Extraction;
import org.lurewatch.assess.extract.Extractor;
import org.lurewatch.assess.text.NormalizedText;

/** The extractors on hostile text: they never throw, every span lies inside the text, and 100 KB take bounded time. */
class ExtractorProperties {
    /** Far above what a 100 KB post takes when no pattern backtracks catastrophically (a second or two here). */
    static final Duration BOUND = Duration.ofSeconds(20);
    private static final Extractor EXTRACTOR = new Extractor(Fixtures.lexicons());

    @Property(tries = 300)
    void shouldFindSpansInsideTheTextAndNeverThrow(@ForAll("texts") String raw, @ForAll("languages") String language) {
        NormalizedText text = Fixtures.lexicons().normalizer().normalize(raw);
        Extraction extraction = EXTRACTOR.extract(text, language, null);

        int length = text.length();
        extraction.terms().values().forEach(hits -> hits.forEach(hit -> assertThat(hit.end()).isBetween(hit.start(), length)));
        extraction.places().forEach(place -> assertThat(place.end()).isBetween(place.start(), length));
        extraction.salaries().forEach(salary -> assertThat(salary.end()).isBetween(salary.start(), length));
        extraction.ages().forEach(age -> assertThat(age.end()).isBetween(age.start(), length));
        extraction.contacts().forEach(contact -> {
            assertThat(contact.evidence().end()).isBetween(contact.evidence().start(), raw.length());
            assertThat(raw.substring(contact.evidence().start(), contact.evidence().end())).isEqualTo(contact.evidence().text());
        });
    }

    @Property(tries = 12)
    void shouldExtractFrom100KilobytesInBoundedTime(@ForAll("hundredKilobytes") String raw) {
        AtomicReference<Extraction> result = new AtomicReference<>();
        assertThatCode(() -> Bounded.within(BOUND, () ->
                result.set(EXTRACTOR.extract(Fixtures.lexicons().normalizer().normalize(raw), "en", null))))
                .doesNotThrowAnyException();
        assertThat(result.get()).isNotNull();
    }

    @Provide
    Arbitrary<String> texts() {
        return HostileText.any(400);
    }

    @Provide
    Arbitrary<String> languages() {
        return Arbitraries.of("en", "id", "ms", "tl", "vi", "th", "zh", "my", "km", "lo", "ko", "ja", "und");
    }

    @Provide
    Arbitrary<String> hundredKilobytes() {
        return HostileText.repeated(100_000);
    }
}
