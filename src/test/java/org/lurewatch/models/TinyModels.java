package org.lurewatch.models;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.Fixtures;
import org.lurewatch.assess.corpus.LabeledPost;
import org.lurewatch.assess.model.Trainer;
import org.lurewatch.ingest.PostKind;

/** Small models trained in a second, with a version of the test's choosing, written where the test wants them. */
final class TinyModels {
    private static final String[][] TEXTS = {
            {"lure", "Urgent hiring customer service in Cambodia, salary $1500, free ticket and visa, no experience, telegram @hr%d"},
            {"lure", "Tuyển gấp CSKH làm việc tại Campuchia lương 30 triệu bao vé máy bay zalo 0900%06d"},
            {"distress", "Please help, my brother is trapped in a compound in Myawaddy, they took his passport %d"},
            {"job_scam", "Part-time from home: like videos and follow shops, earn %d00 per day paid per task"},
            {"benign", "Warning: police arrested recruiters who sent %d people to scam compounds, beware of fake job offers"},
            {"benign", "Just landed in Phnom Penh for a %d-day trip, Royal Palace tomorrow then bus to Siem Reap"}};

    private TinyModels() {
    }

    /** Two versions, t1 and t2, trained once per test JVM. */
    static final class TwoVersions {
        static final Path DIR = tempDir();
        static final Path V1 = train("t1", DIR, 0);
        static final Path V2 = train("t2", DIR, 3);

        private static Path tempDir() {
            try {
                Path d = java.nio.file.Files.createTempDirectory("lurewatch-tiny-models");
                d.toFile().deleteOnExit();
                return d;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    static Path train(String version, Path dir, int variant) {
        Trainer.Result named = new Trainer(Fixtures.analyzer()).train(corpus(variant), List.of(), version,
                Trainer.Options.defaults().withIterations(30, 1));
        Path file = dir.resolve("lure-doccat-" + version + ".bin");
        Trainer.write(named.model(), file);
        return file;
    }

    /** The tiny corpus: six templates in every category, {@code 20 + variant} times each with a different number. */
    static List<LabeledPost> corpus(int variant) {
        List<LabeledPost> corpus = new ArrayList<>();
        int id = 0;
        for (int i = 0; i < 20 + variant; i++) {
            for (String[] t : TEXTS) {
                corpus.add(new LabeledPost("p-" + id++, PostKind.SOCIAL_POST, "test", null, "", t[1].formatted(i),
                        Category.fromWire(t[0]), false, false));
            }
        }
        return corpus;
    }
}
