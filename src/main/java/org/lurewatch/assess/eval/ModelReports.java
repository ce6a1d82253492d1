package org.lurewatch.assess.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lurewatch.assess.LureAssessor;
import org.lurewatch.assess.corpus.CorpusReader;
import org.lurewatch.assess.corpus.LabeledPost;
import org.lurewatch.assess.corpus.Split;
import org.lurewatch.assess.model.LureModel;
import org.lurewatch.assess.model.PostAnalyzer;
import org.lurewatch.kafka.Json;

/**
 * The figures {@code train} writes into the metrics file and the model card shows: the synthetic test split and
 * the real texts (held out by source) in one report, and the real legitimate job ads of DIFrauD when the shared
 * data is present.
 */
public final class ModelReports {
    /** Where the DIFrauD validation split lives, relative to the project directory. */
    public static final Path DIFRAUD = Path.of("../shared/data/difraud-jobscams/validation.jsonl");

    private ModelReports() {
    }

    public static ObjectNode of(PostAnalyzer analyzer, LureModel model, List<LabeledPost> corpus, List<LabeledPost> real) {
        LureAssessor assessor = new LureAssessor(analyzer, model);
        List<LabeledPost> evaluated = new ArrayList<>(Split.select(corpus, Split.TEST));
        evaluated.addAll(real);
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("evaluation", Evaluator.report(Evaluator.predict(assessor, evaluated, false), model.version()));
        if (Files.isRegularFile(DIFRAUD)) {
            out.set("difraud", Evaluator.report(Evaluator.predict(assessor, CorpusReader.read(DIFRAUD), false), model.version()));
        }
        return out;
    }

    /** The report to print after training: the evaluation section. */
    public static ObjectNode combined(ObjectNode reports) {
        return (ObjectNode) reports.get("evaluation");
    }
}
