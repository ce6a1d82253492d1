package org.lurewatch.assess.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.assess.AssessConfig;
import org.lurewatch.assess.Assessors;
import org.lurewatch.assess.lexicon.LexiconLoader;

class FingerprintsTest {
    @TempDir
    Path dir;

    @Test
    void shouldFingerprintTheLexiconsRead() throws IOException {
        String bundled = LexiconLoader.loadBundled().fingerprint();
        assertThat(LexiconLoader.loadBundled().fingerprint()).isEqualTo(bundled);
        Files.writeString(dir.resolve("en.yaml"), "terms:\n  URGENCY: [leave tonight]\n");
        assertThat(LexiconLoader.load(dir).fingerprint()).isNotEqualTo(bundled);
    }

    @Test
    void shouldRecordWhatAModelWasTrainedWithAndRefuseOtherLexicons() throws IOException {
        Path model = org.lurewatch.models.TinyModelsAccess.train("fp", dir);
        LureModel loaded = LureModel.load(model);
        assertThat(loaded.fingerprint(Fingerprints.LEXICONS_KEY)).isEqualTo(LexiconLoader.loadBundled().fingerprint());
        assertThat(loaded.fingerprint(Fingerprints.CORPUS_KEY)).endsWith("/" + 120);
        assertThat(loaded.fingerprint(Fingerprints.FEEDBACK_KEY)).isEqualTo("none");

        Path overrides = Files.createDirectories(dir.resolve("lex"));
        Files.writeString(overrides.resolve("en.yaml"), "terms:\n  URGENCY: [leave tonight]\n");
        assertThatThrownBy(() -> Assessors.loadAssessor(new AssessConfig(model, overrides)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("was trained with lexicons")
                .hasMessageContaining("model.allow.lexicon.mismatch");
        assertThat(Assessors.loadAssessor(new AssessConfig(model, overrides, true)).modelVersion()).isEqualTo("lure-doccat-fp");
        assertThat(Assessors.loadAssessor(new AssessConfig(model, null)).modelVersion()).isEqualTo("lure-doccat-fp");
    }
}
