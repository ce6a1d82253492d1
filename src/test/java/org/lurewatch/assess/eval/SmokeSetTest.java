package org.lurewatch.assess.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lurewatch.assess.AssessConfig;
import org.lurewatch.assess.Assessors;
import org.lurewatch.assess.LureAssessor;
import org.lurewatch.assess.corpus.CorpusReader;
import org.lurewatch.assess.corpus.LabeledPost;

/**
 * 50 posts written apart from the corpus (see models/README.md): a smoke test that the bundled model still
 * handles phrasing unlike the corpus' own, in all nine languages.
 */
class SmokeSetTest {
    @Test
    void shouldClassifyPostsWrittenApartFromTheCorpus() throws URISyntaxException {
        List<LabeledPost> posts = CorpusReader.read(Path.of(getClass().getResource("/smoke/smoke.jsonl").toURI()));
        LureAssessor assessor = Assessors.loadAssessor(AssessConfig.defaults());
        ObjectNode r = Evaluator.report(Evaluator.predict(assessor, posts, false), assessor.modelVersion());
        assertThat(r.path("posts").asInt()).isEqualTo(50);
        assertThat(r.at("/synthetic/accuracy").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(r.at("/synthetic/hardNegativesFlagged/rate").asDouble()).isLessThanOrEqualTo(0.1);
    }
}
