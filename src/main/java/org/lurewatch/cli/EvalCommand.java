package org.lurewatch.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** {@code lurewatch eval}: precision, recall, F1, hard-negative false positives and worst mistakes. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate the detector on labelled JSON lines: the corpus format (label lure/distress/benign,",
                "optional hard) or text with a 0/1 label (DIFrauD; 1 = lure). Without --data: the test split of models/corpus."})
public final class EvalCommand implements Callable<Integer> {
    @Option(names = "--data", description = "JSONL file or directory of JSONL files (default: models/corpus with --split test).")
    Path data;

    @Option(names = "--split", description = "Only this part of the data: train, dev, test or all (default: test for the corpus, all for --data).")
    String split;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--model", description = "Model file (default: the bundled model).")
    Path model;

    @Option(names = "--lexicons", description = "Lexicon override directory.")
    Path lexicons;

    @Option(names = "--use-lang-hint", description = "Pass each post's lang to the assessor as the feed's hint.")
    boolean useLangHint;

    public EvalCommand() {
    }

    @Override
    public Integer call() {
        return AssessErrors.run(this::run);
    }

    private Integer run() {
        Path path = data == null ? Path.of("models/corpus") : data;
        String part = split != null ? split : data == null ? "test" : "all";
        if (!Files.exists(path)) {
            System.err.println("data not found: " + path.toAbsolutePath());
            return 2;
        }
        List<LabeledPost> posts;
        try {
            posts = CorpusReader.read(path);
            if (!part.equalsIgnoreCase("all")) {
                posts = Split.select(posts, Split.parse(part));
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        LureAssessor assessor = Assessors.loadAssessor(new AssessConfig(model, lexicons));
        long t0 = System.nanoTime();
        ObjectNode report = Evaluator.report(Evaluator.predict(assessor, posts, useLangHint), assessor.modelVersion());
        double seconds = (System.nanoTime() - t0) / 1e9;
        report.put("data", path.toString());
        report.put("split", part.toLowerCase(java.util.Locale.ROOT));
        if (json) {
            try {
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            System.out.printf("%s (%s): %d posts scored in %.2f s%n", path, part, posts.size(), seconds);
            System.out.print(Evaluator.text(report));
        }
        return 0;
    }
}
