package org.lurewatch.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lurewatch.assess.Assessors;
import org.lurewatch.assess.LureAssessor;
import org.lurewatch.assess.corpus.CorpusReader;
import org.lurewatch.assess.corpus.LabeledPost;
import org.lurewatch.assess.corpus.Split;
import org.lurewatch.assess.eval.Evaluator;
import org.lurewatch.assess.lexicon.LexiconLoader;
import org.lurewatch.assess.lexicon.Lexicons;
import org.lurewatch.assess.model.PostAnalyzer;
import org.lurewatch.assess.model.Trainer;
import org.lurewatch.assess.text.LanguageDetector;
import org.lurewatch.kafka.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lurewatch train}: rebuilds models/lure-doccat-<version>.bin and its metrics from the corpus. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the lure categorizer on the corpus (maxent, naive Bayes and perceptron compared on the dev split),",
                "calibrate it on the dev split, and write models/lure-doccat-<version>.bin and its metrics JSON.",
                "Reproducible: the split is a hash of each post's id and training is deterministic."})
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--corpus", description = "Corpus directory or JSONL file (default: ${DEFAULT-VALUE}).", defaultValue = "models/corpus")
    Path corpus;

    @Option(names = "--out", description = "Output directory (default: ${DEFAULT-VALUE}).", defaultValue = "models")
    Path out;

    @Option(names = "--model-version", description = "Model version (default: ${DEFAULT-VALUE}).", defaultValue = Assessors.DEFAULT_MODEL_VERSION)
    String version;

    @Option(names = "--iterations", description = "Training iterations (default: ${DEFAULT-VALUE}).", defaultValue = "150")
    int iterations;

    @Option(names = "--cutoff", description = "Minimum feature count (default: ${DEFAULT-VALUE}).", defaultValue = "2")
    int cutoff;

    @Option(names = "--lexicons", description = "Lexicon override directory.")
    Path lexicons;

    @Option(names = "--leave-one-out", description = {"Write no model: for each corpus file, train on the others and score it,",
            "and print the generalisation table of the model card."})
    boolean leaveOneOut;

    public TrainCommand() {
    }

    @Override
    public Integer call() {
        return AssessErrors.run(this::run);
    }

    private Integer run() {
        System.setProperty("org.slf4j.simpleLogger.log.opennlp", "warn");
        if (!Files.exists(corpus)) {
            System.err.println("corpus not found: " + corpus.toAbsolutePath());
            return 2;
        }
        List<LabeledPost> posts = CorpusReader.read(corpus);
        Lexicons lex = LexiconLoader.load(lexicons);
        PostAnalyzer analyzer = new PostAnalyzer(lex, new LanguageDetector(LanguageDetector.loadBundledModel(), lex.stopwords()));
        long t0 = System.nanoTime();
        if (leaveOneOut) {
            System.out.print(org.lurewatch.assess.eval.LeaveOneOut.table(
                    org.lurewatch.assess.eval.LeaveOneOut.run(posts, analyzer, iterations, cutoff)));
            return 0;
        }
        Trainer.Result r = new Trainer(analyzer).train(posts, version, iterations, cutoff);
        Path modelFile = out.resolve("lure-doccat-" + version + ".bin");
        Trainer.write(r.model(), modelFile);
        LureAssessor assessor = new LureAssessor(analyzer, r.model());
        ObjectNode test = Evaluator.report(Evaluator.predict(assessor, Split.select(posts, Split.TEST), false), r.model().version());
        ObjectNode metrics = Trainer.metrics(r, test);
        Path metricsFile = out.resolve("lure-doccat-" + version + ".metrics.json");
        try {
            Files.writeString(metricsFile, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(metrics) + "\n");
        } catch (java.io.IOException e) {
            System.err.println("cannot write " + metricsFile + ": " + e.getMessage());
            return 1;
        }
        System.out.printf("trained %s on %d posts (%d train, %d dev, %d test) in %.1f s%n", r.model().version(),
                posts.size(), r.train(), r.dev(), r.test(), (System.nanoTime() - t0) / 1e9);
        System.out.println("dev macro-F1 by algorithm: " + r.devMacroF1() + ", kept " + r.algorithm());
        System.out.println("wrote " + modelFile + " and " + metricsFile);
        System.out.println();
        System.out.print(Evaluator.text(test));
        return 0;
    }
}
