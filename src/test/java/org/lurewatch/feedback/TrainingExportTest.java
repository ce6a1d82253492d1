package org.lurewatch.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.corpus.CorpusReader;
import org.lurewatch.assess.corpus.LabeledPost;

class TrainingExportTest {
    private static final Instant T = Instant.parse("2026-11-24T08:00:00Z");
    private static final PostText LURE = new PostText("Kerja di Kamboja\nGaji 20 juta, Telegram @hr", "id", "job_ad",
            "facebook", Category.LURE);
    private static final PostText TASKS = new PostText("Like videos, earn per task", "en", "social_post", "tiktok",
            Category.JOB_SCAM);

    @TempDir
    Path dir;

    @Test
    void shouldWriteWhatTrainWithFeedbackReadsWithTheLastVerdictPerPostWinning() throws IOException {
        List<LabelledVerdict> verdicts = List.of(
                post("facebook:p1", Verdict.FALSE_POSITIVE, "vietnam", 0, LURE),
                post("facebook:p1", Verdict.CONFIRMED, "indonesia", 60, LURE),
                post("tiktok:j1", Verdict.FALSE_POSITIVE, "indonesia", 120, TASKS));

        TrainingExport.Result result = TrainingExport.of(verdicts, null);

        assertThat(result.labels()).isEqualTo(Map.of("lure", 1, "benign", 1));
        assertThat(result.skipped()).isEqualTo(Map.of(TrainingExport.Skip.SUPERSEDED, 1));
        Path file = Files.write(dir.resolve("verdicts.jsonl"), result.lines());
        List<LabeledPost> examples = CorpusReader.read(file);
        assertThat(examples).extracting(LabeledPost::id, LabeledPost::label, LabeledPost::group, LabeledPost::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("verdict:facebook:p1", Category.LURE, "hotline:indonesia", LURE.text()),
                        org.assertj.core.groups.Tuple.tuple("verdict:tiktok:j1", Category.BENIGN, "hotline:indonesia", TASKS.text()));
        assertThat(examples.get(0).kind().wireName()).isEqualTo("job_ad");
        assertThat(examples.get(0).lang()).isEqualTo("id");
        assertThat(examples.get(0).source()).isEqualTo("facebook");
        assertThat(examples.get(1).real()).as("used like the real texts").isTrue();
    }

    @Test
    void shouldCountWhatGivesNoExampleByReason() {
        List<LabelledVerdict> verdicts = List.of(
                post("facebook:old", Verdict.CONFIRMED, "indonesia", -3600, LURE),
                new LabelledVerdict("campaign:cmp-1", Verdict.CONFIRMED, "indonesia", T, List.of("facebook:a", "tiktok:b"),
                        List.of("telegram:hr"), true, null),
                new LabelledVerdict("post:facebook:d1", Verdict.CONFIRMED, "indonesia", T, List.of("facebook:d1"),
                        List.of(), false, null),
                post("facebook:p2", Verdict.CONFIRMED, "indonesia", 0, LURE),
                post("facebook:p2", Verdict.EXPIRED, "indonesia", 10, LURE));

        TrainingExport.Result result = TrainingExport.of(verdicts, T.minusSeconds(60));

        assertThat(result.lines()).isEmpty();
        assertThat(result.verdicts()).isEqualTo(5);
        assertThat(result.skipped()).isEqualTo(Map.of(TrainingExport.Skip.BEFORE_SINCE, 1, TrainingExport.Skip.NO_TEXT, 2,
                TrainingExport.Skip.SUPERSEDED, 1, TrainingExport.Skip.EXPIRED, 1));
    }

    private static LabelledVerdict post(String key, Verdict verdict, String hotline, int seconds, PostText text) {
        return new LabelledVerdict("post:" + key, verdict, hotline, T.plusSeconds(seconds), List.of(key), List.of(),
                true, text);
    }
}
