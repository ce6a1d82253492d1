package org.lurewatch.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lurewatch.assess.AssessConfig;
import org.lurewatch.assess.Assessors;
import org.lurewatch.assess.LureAssessor;
import org.lurewatch.assess.corpus.CorpusReader;
import org.lurewatch.assess.corpus.LabeledPost;
import org.lurewatch.assess.corpus.Split;
import org.lurewatch.assess.eval.Evaluator;
import org.lurewatch.kafka.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lurewatch eval}: precision, recall, F1, look-alike false alarms, by language and source, worst mistakes. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate the detector on labelled JSON lines: the corpus format (label lure/job_scam/distress/benign,",
                "optional hard), real texts (the same with a source 'group'), or text with a 0/1 label (DIFrauD; 1 = lure).",
                "Real texts and synthetic posts are reported apart. A real text whose source calibrated the model is scored",
                "with the calibration fitted without its source, so no source is on both sides.",
                "Without --data: the test split of models/corpus and every real text in models/real."})
public final class EvalCommand implements Callable<Integer> {
    static final Path DEFAULT_CORPUS = Path.of("models/corpus");
    static final Path DEFAULT_REAL = Path.of("models/real");

    @Option(names = "--data", description = "JSONL file or directory of JSONL files.")
    Path data;

    @Option(names = "--split", description = "Only this part of synthetic data: train, dev, test or all (default: test for the corpus, all for --data).")
    String split;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--model", description = "Model file (default: the bundled model).")
    Path model;

    @Option(names = "--lexicons", description = "Lexicon override directory.")
    Path lexicons;

    @Option(names = "--allow-lexicon-mismatch", description = {"Score even when the lexicons differ from those the model was",
            "trained with (trying an override directory; the figures are then not the model card's)."})
    boolean allowLexiconMismatch;

    @Option(names = "--use-lang-hint", description = "Pass each post's lang to the assessor as the feed's hint.")
    boolean useLangHint;

    public EvalCommand() {
    }

    @Override
    public Integer call() {
        return AssessErrors.run(this::run);
    }

    private Integer run() {
        String part = split != null ? split : data == null ? "test" : "all";
        List<LabeledPost> posts = new ArrayList<>();
        String described;
        if (data != null) {
            if (!Files.exists(data)) {
                throw new IllegalArgumentException("data not found: " + data.toAbsolutePath());
            }
            posts.addAll(select(CorpusReader.read(data), part));
            described = data + " (" + part + ")";
        } else {
            if (!Files.exists(DEFAULT_CORPUS)) {
                throw new IllegalArgumentException("corpus not found: " + DEFAULT_CORPUS.toAbsolutePath()
                        + " (run from the project directory or give --data)");
            }
            posts.addAll(select(CorpusReader.read(DEFAULT_CORPUS), part));
            described = DEFAULT_CORPUS + " (" + part + ")";
            if (Files.isDirectory(DEFAULT_REAL)) {
                posts.addAll(CorpusReader.read(DEFAULT_REAL));
                described += " and " + DEFAULT_REAL;
            }
        }
        LureAssessor assessor = Assessors.loadAssessor(new AssessConfig(model, lexicons, allowLexiconMismatch));
        long t0 = System.nanoTime();
        ObjectNode report = Evaluator.report(Evaluator.predict(assessor, posts, useLangHint), assessor.modelVersion());
        double seconds = (System.nanoTime() - t0) / 1e9;
        report.put("data", described);
        if (json) {
            try {
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            System.out.printf("%s: %d posts scored in %.2f s%n", described, posts.size(), seconds);
            System.out.print(Evaluator.text(report));
        }
        return 0;
    }

    /** Real texts are never split by id (their folds are by source); synthetic posts by the id hash. */
    private static List<LabeledPost> select(List<LabeledPost> posts, String part) {
        if (part.equalsIgnoreCase("all")) {
            return posts;
        }
        Split s = Split.parse(part);
        return posts.stream().filter(p -> p.real() || Split.of(p.id()) == s).toList();
    }
}
