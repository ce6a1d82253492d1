package org.lurewatch.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lurewatch.assess.AssessConfig;
import org.lurewatch.assess.Assessment;
import org.lurewatch.assess.Assessor;
import org.lurewatch.assess.Assessors;
import org.lurewatch.ingest.Post;
import org.lurewatch.ingest.PostKind;

/** The real assessor (bundled model and lexicons) on hostile posts: an assessment every time, in bounded time. */
class AssessorProperties {
    private static final Assessor ASSESSOR = Assessors.load(AssessConfig.defaults());

    @Property(tries = 300)
    void shouldAssessAnyTextWithoutThrowing(@ForAll("texts") String text, @ForAll("texts") String title) {
        Assessment assessment = ASSESSOR.assess(Post.ofText("fuzz", "facebook", PostKind.SOCIAL_POST, null, title, text));

        assertThat(assessment.score()).isBetween(0.0, 1.0);
        assessment.indicators().forEach(indicator -> indicator.evidence().forEach(evidence ->
                assertThat(evidence.end()).isBetween(evidence.start(), (title.isEmpty() ? text : title + "\n" + text).length())));
    }

    @Property(tries = 8)
    void shouldAssess100KilobytesInBoundedTime(@ForAll("hundredKilobytes") String text) throws Exception {
        AtomicReference<Assessment> result = new AtomicReference<>();
        Bounded.within(ExtractorProperties.BOUND, () -> result.set(ASSESSOR.assess(
                Post.ofText("big", "facebook", PostKind.SOCIAL_POST, null, "", text))));
        assertThat(result.get()).isNotNull();
    }

    @Provide
    Arbitrary<String> texts() {
        return HostileText.any(400);
    }

    @Provide
    Arbitrary<String> hundredKilobytes() {
        return HostileText.repeated(100_000);
    }
}
