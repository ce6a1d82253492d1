package org.lurewatch.assess.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lurewatch.assess.AssessConfig;
import org.lurewatch.assess.Assessors;
import org.lurewatch.assess.LureAssessor;
import org.lurewatch.assess.corpus.CorpusReader;
import org.lurewatch.assess.corpus.LabeledPost;
import org.lurewatch.kafka.Json;

/**
 * The model card says what the committed model measures: its generated section is the metrics file rendered,
 * and evaluating the committed model on the committed data gives the metrics file's figures.
 */
class ModelCardTest {
    private static final Path METRICS = Path.of("models", "lure-doccat-" + Assessors.DEFAULT_MODEL_VERSION + ".metrics.json");
    private static final Path CARD = Path.of("models", "README.md");

    @Test
    void shouldShowTheMetricsFileInTheModelCard() throws IOException {
        JsonNode metrics = Json.mapper().readTree(Files.readString(METRICS));
        String card = Files.readString(CARD);
        assertThat(ModelCard.section(card)).as("models/README.md has no generated section").isNotNull();
        assertThat(ModelCard.section(card)).as("models/README.md is stale: run 'lurewatch train'")
                .isEqualTo(ModelCard.render(metrics));
    }

    @Test
    void shouldReproduceTheMetricsFileWithTheCommittedModel() throws IOException {
        JsonNode metrics = Json.mapper().readTree(Files.readString(METRICS));
        LureAssessor assessor = Assessors.loadAssessor(AssessConfig.defaults());
        List<LabeledPost> corpus = CorpusReader.read(Path.of("models", "corpus"));
        List<LabeledPost> real = CorpusReader.read(Path.of("models", "real"));
        ObjectNode now = ModelReports.of(assessor.analyzer(), assessor.model(), corpus, real);
        // compared as written to the file: counts are longs in memory and ints when read back
        assertThat(Json.mapper().readTree(now.get("evaluation").toString())).as("eval of the committed model no longer gives the metrics file's figures:"
                + " retrain with 'lurewatch train' (or find what changed)").isEqualTo(metrics.get("evaluation"));
    }
}
