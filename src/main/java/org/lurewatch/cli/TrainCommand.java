package org.lurewatch.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lurewatch.assess.Assessors;
import org.lurewatch.assess.corpus.CorpusReader;
import org.lurewatch.assess.corpus.LabeledPost;
import org.lurewatch.assess.eval.CalibrationExperiments;
import org.lurewatch.assess.eval.Evaluator;
import org.lurewatch.assess.eval.LeaveOneOut;
import org.lurewatch.assess.eval.ModelCard;
import org.lurewatch.assess.eval.ModelReports;
import org.lurewatch.assess.lexicon.LexiconLoader;
import org.lurewatch.assess.lexicon.Lexicons;
import org.lurewatch.assess.model.PostAnalyzer;
import org.lurewatch.assess.model.Trainer;
import org.lurewatch.assess.text.LanguageDetector;
import org.lurewatch.kafka.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lurewatch train}: rebuilds models/lure-doccat-<version>.bin and its metrics from the corpus and real texts. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the categorizer on the synthetic corpus' train split, calibrate it on the dev split and the",
                "real texts of models/real (once in all, and once per fold of source groups without that fold), and write",
                "models/lure-doccat-<version>.bin and its metrics JSON (synthetic test split, real texts held out by source,",
                "DIFrauD when ../shared/data is present). Reproducible: splits are hashes and training is deterministic."})
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--corpus", description = "Synthetic corpus directory or JSONL file (default: ${DEFAULT-VALUE}).", defaultValue = "models/corpus")
    Path corpus;

    @Option(names = "--real", description = "Real texts, each with a source group (default: ${DEFAULT-VALUE}; missing = none).", defaultValue = "models/real")
    Path real;

    @Option(names = "--out", description = "Output directory (default: ${DEFAULT-VALUE}).", defaultValue = "models")
    Path out;

    @Option(names = "--model-version", description = "Model version (default: ${DEFAULT-VALUE}).", defaultValue = Assessors.DEFAULT_MODEL_VERSION)
    String version;

    @Option(names = "--iterations", description = "Categorizer training iterations (default: ${DEFAULT-VALUE}).", defaultValue = "150")
    int iterations;

    @Option(names = "--cutoff", description = "Minimum feature count (default: ${DEFAULT-VALUE}).", defaultValue = "2")
    int cutoff;

    @Option(names = "--lexicons", description = "Lexicon override directory.")
    Path lexicons;

    @Option(names = "--with-feedback", paramLabel = "FILE", description = {"Hotlines' verdicts as labelled examples (JSONL, as",
            "'lurewatch feedback export' writes them): used like the real texts; the model records their fingerprint."})
    Path feedback;

    @Option(names = "--leave-one-out", description = {"Write no model: for each corpus file, train on the others and score it,",
            "and print the generalisation table of the model card."})
    boolean leaveOneOut;

    @Option(names = "--compare", description = {"Write no model: compare categorizer algorithms and calibration settings",
            "by their figures on real texts held out by source group, and print the table of the model card."})
    boolean compare;

    public TrainCommand() {
    }

    @Override
    public Integer call() {
        return AssessErrors.run(this::run);
    }

    private Integer run() {
        System.setProperty("org.slf4j.simpleLogger.log.opennlp", "warn");
        if (!Files.exists(corpus)) {
            throw new IllegalArgumentException("corpus not found: " + corpus.toAbsolutePath());
        }
        List<LabeledPost> posts = CorpusReader.read(corpus);
        List<LabeledPost> realTexts = Files.isDirectory(real) || Files.isRegularFile(real) ? CorpusReader.read(real) : List.of();
        Lexicons lex = LexiconLoader.load(lexicons);
        PostAnalyzer analyzer = new PostAnalyzer(lex, new LanguageDetector(LanguageDetector.loadBundledModel(), lex.stopwords()));
        Trainer.Options options = Trainer.Options.defaults().withIterations(iterations, cutoff);
        long t0 = System.nanoTime();
        if (leaveOneOut) {
            System.out.print(LeaveOneOut.table(LeaveOneOut.run(posts, analyzer, iterations, cutoff)));
            return 0;
        }
        if (compare) {
            System.out.print(CalibrationExperiments.table(CalibrationExperiments.run(posts, realTexts, analyzer, options)));
            return 0;
        }
        List<LabeledPost> verdicts = List.of();
        if (feedback != null) {
            if (!Files.exists(feedback)) {
                throw new IllegalArgumentException("feedback not found: " + feedback.toAbsolutePath());
            }
            verdicts = CorpusReader.read(feedback).stream()
                    .map(p -> p.real() ? p : new LabeledPost(p.id(), p.kind(), p.source(), p.lang(), p.title(), p.text(),
                            p.label(), p.hard(), p.obfuscated(), "hotline:unknown"))
                    .toList();
            System.out.printf("with %d labelled examples from hotline verdicts (%s)%n", verdicts.size(), feedback);
        }
        Trainer.Result r = new Trainer(analyzer).train(posts, realTexts, verdicts, version, options);
        Path modelFile = out.resolve("lure-doccat-" + version + ".bin");
        Trainer.write(r.model(), modelFile);
        ObjectNode reports = ModelReports.of(analyzer, r.model(), posts, realTexts);
        ObjectNode metrics = Trainer.metrics(r, reports);
        Path metricsFile = out.resolve("lure-doccat-" + version + ".metrics.json");
        try {
            Files.writeString(metricsFile, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(metrics) + "\n");
        } catch (java.io.IOException e) {
            System.err.println("cannot write " + metricsFile + ": " + e.getMessage());
            return 1;
        }
        Path card = out.resolve("README.md");
        if (Files.isRegularFile(card)) {
            try {
                String old = Files.readString(card);
                String updated = ModelCard.update(old, metrics);
                if (!updated.equals(old)) {
                    Files.writeString(card, updated);
                    System.out.println("updated the measured section of " + card);
                }
            } catch (java.io.IOException e) {
                System.err.println("cannot update " + card + ": " + e.getMessage());
                return 1;
            }
        }
        System.out.printf("trained %s on %d synthetic posts (%d train, %d dev, %d test) and %d real texts from %d sources in %.1f s%n",
                r.model().version(), posts.size(), r.train(), r.dev(), r.test(), r.real(), r.realGroups(),
                (System.nanoTime() - t0) / 1e9);
        System.out.println("wrote " + modelFile + " and " + metricsFile);
        System.out.println();
        System.out.print(Evaluator.text(ModelReports.combined(reports)));
        return 0;
    }
}
