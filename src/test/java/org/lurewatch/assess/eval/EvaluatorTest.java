package org.lurewatch.assess.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.assess.Assessment;
import org.lurewatch.assess.Assessor;
import org.lurewatch.assess.Band;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.corpus.CorpusReader;
import org.lurewatch.assess.corpus.LabeledPost;
import org.lurewatch.ingest.Post;

class EvaluatorTest {
    @TempDir
    Path dir;

    /** Says lure when the text contains "lure", distress for "help", else benign. */
    private static final Assessor FAKE = new Assessor() {
        @Override
        public Assessment assess(Post post) {
            Category c = post.text().contains("lure") ? Category.LURE : post.text().contains("help") ? Category.DISTRESS : Category.BENIGN;
            return new Assessment(post.id(), c, c == Category.BENIGN ? 0.1 : 0.9, c == Category.BENIGN ? Band.LOW : Band.CRITICAL,
                    "en", List.of(), List.of(), "fake-1");
        }

        @Override
        public String modelVersion() {
            return "fake-1";
        }
    };

    @Test
    void shouldReportPrecisionRecallLanguagesHardNegativesAndConfusion() throws IOException {
        Path f = dir.resolve("eval.jsonl");
        Files.writeString(f, String.join("\n",
                "{\"id\":\"1\",\"lang\":\"id\",\"text\":\"a lure\",\"label\":\"lure\"}",
                "{\"id\":\"2\",\"lang\":\"id\",\"text\":\"plain\",\"label\":\"lure\"}",
                "{\"id\":\"3\",\"lang\":\"vi\",\"text\":\"help me\",\"label\":\"distress\"}",
                "{\"id\":\"4\",\"lang\":\"vi\",\"text\":\"news about a lure\",\"label\":\"benign\",\"hard\":true}",
                "{\"id\":\"5\",\"lang\":\"vi\",\"text\":\"weather\",\"label\":\"benign\",\"hard\":true}",
                "", ""));
        List<LabeledPost> posts = CorpusReader.read(f);
        ObjectNode r = Evaluator.report(Evaluator.predict(FAKE, posts, false), "fake-1");
        assertThat(r.at("/synthetic/categories/lure/precision").asDouble()).isEqualTo(0.5);
        assertThat(r.at("/synthetic/categories/lure/recall").asDouble()).isEqualTo(0.5);
        assertThat(r.at("/synthetic/categories/lure/f1").asDouble()).isEqualTo(0.5);
        assertThat(r.at("/synthetic/categories/distress/recall").asDouble()).isEqualTo(1.0);
        assertThat(r.at("/synthetic/languages/id/lure/recall").asDouble()).isEqualTo(0.5);
        assertThat(r.at("/synthetic/hardNegativesFlagged/rate").asDouble()).isEqualTo(0.5);
        assertThat(r.at("/synthetic/confusion/benign/lure").asInt()).isEqualTo(1);
        assertThat(r.at("/synthetic/confusion/lure/benign").asInt()).isEqualTo(1);
        assertThat(r.at("/synthetic/worstMistakes")).hasSize(2);
        assertThat(r.has("real")).isFalse();
        assertThat(Evaluator.text(r)).contains("hard negatives flagged: 1 of 2, rate 0.500");
    }

    @Test
    void shouldPrintNotApplicableWhereAFigureHasNoSupport() throws IOException {
        Path f = dir.resolve("eval.jsonl");
        Files.writeString(f, "{\"id\":\"1\",\"lang\":\"en\",\"text\":\"a lure\",\"label\":\"lure\"}\n");
        ObjectNode r = Evaluator.report(Evaluator.predict(FAKE, CorpusReader.read(f), false), "fake-1");
        // no distress post: its recall is unknown, not 1.0
        assertThat(r.at("/synthetic/categories/distress/recall").isNull()).isTrue();
        assertThat(r.at("/synthetic/categories/distress/precision").isNull()).isTrue();
        assertThat(r.at("/synthetic/categories/distress/support").asInt()).isZero();
        assertThat(Evaluator.text(r)).containsPattern("distress\\s+n/a\\s+n/a\\s+n/a\\s+0");
    }

    @Test
    void shouldReportRealTextsApartAndBySourceGroup() throws IOException {
        Path f = dir.resolve("real.jsonl");
        Files.writeString(f, String.join("\n",
                "{\"id\":\"r1\",\"lang\":\"ko\",\"text\":\"a lure\",\"label\":\"lure\",\"group\":\"a.example\",\"title\":\"Page title\"}",
                "{\"id\":\"r2\",\"lang\":\"ko\",\"text\":\"news\",\"label\":\"benign\",\"group\":\"b.example\"}",
                "{\"id\":\"s1\",\"lang\":\"en\",\"text\":\"help\",\"label\":\"distress\"}"));
        List<LabeledPost> posts = CorpusReader.read(f);
        // the title of a real text is the page's, provenance, never part of the text scored
        assertThat(posts.get(0).title()).isEmpty();
        ObjectNode r = Evaluator.report(Evaluator.predict(FAKE, posts, false), "fake-1");
        assertThat(r.at("/real/posts").asInt()).isEqualTo(2);
        assertThat(r.at("/synthetic/posts").asInt()).isEqualTo(1);
        assertThat(r.at("/real/groups/a.example/lure/recall").asDouble()).isEqualTo(1.0);
        assertThat(r.at("/real/groups/b.example/benign/flaggedRate").asDouble()).isEqualTo(0.0);
        assertThat(r.at("/real/languages/ko/posts").asInt()).isEqualTo(2);
        assertThat(Evaluator.text(r)).contains("== real texts").contains("== synthetic posts")
                .contains("per source group with a mistake (0 of 2 groups");
    }

    @Test
    void shouldCountJobScamsSentToHotlinesAsFalseAlarms() throws IOException {
        Path f = dir.resolve("js.jsonl");
        Files.writeString(f, "{\"id\":\"1\",\"text\":\"a lure that is a task scam\",\"label\":\"job_scam\"}\n");
        ObjectNode r = Evaluator.report(Evaluator.predict(FAKE, CorpusReader.read(f), false), "fake-1");
        assertThat(r.at("/synthetic/hotlineFalseAlarms/alarms").asInt()).isEqualTo(1);
        assertThat(r.at("/synthetic/categories/job_scam/recall").asDouble()).isZero();
    }

    @Test
    void shouldGroupPostsByCorpusFileForLeaveOneOut() {
        assertThat(LeaveOneOut.group("b-vi-0012")).isEqualTo("b-vi");
        assertThat(LeaveOneOut.group("c-mixed-0200")).isEqualTo("c-mixed");
    }

    @Test
    void shouldReadDifraudRowsWithZeroOneLabels() throws IOException {
        Path f = dir.resolve("difraud.jsonl");
        Files.writeString(f, "{\"text\":\"Data entry from home\",\"label\":1}\n{\"text\":\"Nurse, NHS\",\"label\":0}\n");
        List<LabeledPost> posts = CorpusReader.read(f);
        assertThat(posts).extracting(LabeledPost::label).containsExactly(Category.LURE, Category.BENIGN);
        assertThat(posts).extracting(LabeledPost::id).containsExactly("difraud-1", "difraud-2");
    }

    @Test
    void shouldNameTheLineOfABadRow() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"text\":\"ok\",\"label\":\"benign\"}\n{\"text\":\"x\",\"label\":\"spam\"}\n");
        assertThatThrownBy(() -> CorpusReader.read(f)).hasMessageContaining("bad.jsonl:2").hasMessageContaining("unknown label 'spam'");
    }
}
