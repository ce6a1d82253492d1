package org.lurewatch.assess.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.Fixtures;
import org.lurewatch.assess.LureAssessor;
import org.lurewatch.assess.corpus.LabeledPost;
import org.lurewatch.assess.corpus.Split;
import org.lurewatch.ingest.Post;
import org.lurewatch.ingest.PostKind;

/** Trains a tiny model inside the test, the way DocumentCategorizerMETest does. */
class TrainerTest {
    private static final String[] LURES = {
            "Urgent hiring customer service in Cambodia, salary $1500, free ticket and visa, no experience, telegram @hr%d",
            "Typing job abroad, 1k5 USD per month, free food and accommodation, 18-30 years old, contact WA 0812345%04d",
            "Tuyển gấp CSKH làm việc tại Campuchia lương 30 triệu bao vé máy bay không cần kinh nghiệm zalo 0900%06d",
            "Lowongan admin online di Kamboja gaji 20 juta tiket gratis tanpa pengalaman hubungi wa 0812%07d"};
    private static final String[] DISTRESS = {
            "Please help, my brother is trapped in a compound in Myawaddy, they took his passport and beat him %d",
            "Tolong, adik saya disekap di Kamboja, paspor ditahan, mereka minta tebusan %d juta",
            "Cứu em với, em bị nhốt ở Campuchia, công ty đòi tiền chuộc %d đô"};
    private static final String[] JOB_SCAMS = {
            "Part-time from home: like videos and follow shops, earn %d00 per day paid per task, WhatsApp me",
            "Kerja paruh waktu dari HP, cukup like dan subscribe, komisi per tugas %d ribu, daftar via WA"};
    private static final String[] BENIGN = {
            "Warning: police arrested recruiters who sent %d people to scam compounds, beware of fake job offers",
            "Data entry clerk at our Petaling Jaya office, RM1,900, EPF and SOCSO, apply via JobStreet, ref %d",
            "Just landed in Phnom Penh for a %d-day trip, Royal Palace tomorrow then bus to Siem Reap",
            "Cảnh báo: công an tỉnh bắt giữ %d đối tượng đưa người sang Campuchia lừa đảo"};

    static List<LabeledPost> corpus;

    @BeforeAll
    static void buildCorpus() {
        corpus = new ArrayList<>();
        int id = 0;
        for (int i = 0; i < 25; i++) {
            for (String t : LURES) {
                corpus.add(post("lure-" + id++, t.formatted(i), Category.LURE));
            }
            for (String t : DISTRESS) {
                corpus.add(post("distress-" + id++, t.formatted(i), Category.DISTRESS));
            }
            for (String t : JOB_SCAMS) {
                corpus.add(post("job-scam-" + id++, t.formatted(i), Category.JOB_SCAM));
            }
            for (String t : BENIGN) {
                corpus.add(post("benign-" + id++, t.formatted(i), Category.BENIGN));
            }
        }
    }

    /** Real texts from ten sources, each source's texts labelled alike. */
    static List<LabeledPost> real() {
        List<LabeledPost> real = new ArrayList<>();
        for (int g = 0; g < 10; g++) {
            real.add(new LabeledPost("real-l-" + g, PostKind.SOCIAL_POST, "news", "en", "",
                    "Need staff for office work abroad, good pay, ticket paid " + g, Category.LURE, false, false, "site" + g + ".example"));
            real.add(new LabeledPost("real-b-" + g, PostKind.SOCIAL_POST, "news", "en", "",
                    "Police said " + g + " victims were rescued from the compound and returned home", Category.BENIGN, false, false,
                    "site" + g + ".example"));
        }
        return real;
    }

    private static LabeledPost post(String id, String text, Category label) {
        return new LabeledPost(id, PostKind.SOCIAL_POST, "test", null, "", text, label, false, false);
    }

    @TempDir
    Path dir;

    @Test
    void shouldTrainCompareAlgorithmsAndWriteALoadableCalibratedModel() {
        Trainer.Result r = new Trainer(Fixtures.analyzer()).train(corpus, "test-1", 50, 1);
        assertThat(r.algorithm()).isEqualTo("MAXENT");
        Path file = dir.resolve("lure-doccat-test-1.bin");
        Trainer.write(r.model(), file);
        LureModel loaded = LureModel.load(file);
        assertThat(loaded.version()).isEqualTo("lure-doccat-test-1");
        LureAssessor assessor = new LureAssessor(Fixtures.analyzer(), loaded);
        var lure = assessor.assess(Post.ofText("a", "t", PostKind.JOB_AD, null, "",
                "Hiring customer service in Cambodia, $1500, free ticket, no experience, telegram @abc99"));
        assertThat(lure.category()).isEqualTo(Category.LURE);
        assertThat(lure.modelVersion()).isEqualTo("lure-doccat-test-1");
        var news = assessor.assess(Post.ofText("b", "t", PostKind.SOCIAL_POST, null, "",
                "Warning: police arrested recruiters, beware of fake job offers to scam compounds"));
        assertThat(news.category()).isEqualTo(Category.BENIGN);
        var task = assessor.assess(Post.ofText("c", "t", PostKind.SOCIAL_POST, null, "",
                "Part-time from home: like videos and follow shops, earn 300 per day paid per task, WhatsApp me"));
        assertThat(task.category()).isEqualTo(Category.JOB_SCAM);
    }

    @Test
    void shouldCarryOneCalibrationPerRealFoldFittedWithoutThatFold() throws IOException {
        Trainer.Result r = new Trainer(Fixtures.analyzer()).train(corpus, real(), "folds",
                Trainer.Options.defaults().withIterations(30, 1));
        Path file = dir.resolve("folds.bin");
        Trainer.write(r.model(), file);
        LureModel loaded = LureModel.load(file);
        assertThat(r.realGroups()).isEqualTo(10);
        assertThat(loaded.realGroups()).hasSize(10).contains("site3.example");
        String group = "site3.example";
        assertThat(loaded.calibratorWithout(group).toJson()).isNotEqualTo(loaded.calibrator().toJson());
        // a source the model never saw is scored with the model's own calibration
        assertThat(loaded.calibratorWithout("elsewhere.example").toJson()).isEqualTo(loaded.calibrator().toJson());
        assertThat(loaded.calibratorWithout(null).toJson()).isEqualTo(loaded.calibrator().toJson());
    }

    @Test
    void shouldTrainReproduciblyToTheByte() throws IOException {
        Trainer t = new Trainer(Fixtures.analyzer());
        Trainer.Result a = t.train(corpus, "r", 30, 1);
        Trainer.Result b = t.train(corpus, "r", 30, 1);
        assertThat(a.model().calibrator().toJson()).isEqualTo(b.model().calibrator().toJson());
        Trainer.write(a.model(), dir.resolve("a.bin"));
        Trainer.write(b.model(), dir.resolve("b.bin"));
        assertThat(Files.readAllBytes(dir.resolve("a.bin"))).isEqualTo(Files.readAllBytes(dir.resolve("b.bin")));
    }

    @Test
    void shouldSplitStablyByIdHash() {
        assertThat(Split.of("a-en-0001")).isEqualTo(Split.of("a-en-0001"));
        long test = corpus.stream().filter(p -> Split.of(p.id()) == Split.TEST).count();
        assertThat(test).isBetween(corpus.size() / 10L, corpus.size() / 4L);
    }

    @Test
    void shouldFailClearlyOnAMissingModel() {
        assertThatThrownBy(() -> LureModel.load(dir.resolve("nope.bin")))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model file not found")
                .hasMessageContaining("nope.bin");
    }

    @Test
    void shouldFailClearlyOnACorruptModel() throws IOException {
        Path bad = dir.resolve("bad.bin");
        Files.write(bad, new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> LureModel.load(bad))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("not a valid OpenNLP doccat model");
    }

    @Test
    void shouldRejectADoccatModelNotTrainedByLurewatch() throws IOException {
        Trainer.Result r = new Trainer(Fixtures.analyzer()).train(corpus, "x", 20, 1);
        MaxentModel maxent = r.model().doccat().getMaxentModel();
        DoccatModel plain = new DoccatModel("und", maxent, Map.of(), Trainer.factory());
        Path file = dir.resolve("plain.bin");
        try (var out = Files.newOutputStream(file)) {
            plain.serialize(out);
        }
        assertThatThrownBy(() -> LureModel.load(file))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("lurewatch.version");
    }
}
