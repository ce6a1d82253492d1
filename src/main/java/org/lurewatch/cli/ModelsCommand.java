package org.lurewatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lurewatch.assess.AssessConfig;
import org.lurewatch.assess.Assessors;
import org.lurewatch.assess.corpus.CorpusReader;
import org.lurewatch.assess.corpus.LabeledPost;
import org.lurewatch.assess.corpus.Split;
import org.lurewatch.assess.model.Fingerprints;
import org.lurewatch.assess.model.LureModel;
import org.lurewatch.assess.model.ModelRegistry;
import org.lurewatch.assess.model.PostAnalyzer;
import org.lurewatch.models.ModelComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lurewatch models}: the model registry that running instances follow without a restart. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"The model registry (model.registry.dir) that running instances follow without a restart:",
                "add a trained model, make it live, score a candidate in shadow, compare, roll back.",
                "Exit codes: 0 done, 2 bad input (no such model, nothing to roll back to), 1 a model does not load."},
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Add.class, ModelsCommand.Promote.class,
                ModelsCommand.Rollback.class, ModelsCommand.Shadow.class, ModelsCommand.Unshadow.class,
                ModelsCommand.History.class, ModelsCommand.Compare.class})
final class ModelsCommand extends CommandGroup {

    /** The options every registry command takes. */
    abstract static class RegistryCommand implements Callable<Integer> {
        @Option(names = "--registry", required = true, paramLabel = "DIR",
                description = "The model registry directory (the instances' model.registry.dir).")
        Path registry;

        @Override
        public Integer call() {
            return AssessErrors.run(() -> run(ModelRegistry.at(registry)));
        }

        abstract int run(ModelRegistry registry);

        static String by() {
            return "cli:" + System.getProperty("user.name", "unknown");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The models in the registry; live and shadow marked.")
    static final class ListModels extends RegistryCommand {
        @Override
        int run(ModelRegistry registry) {
            List<ModelRegistry.Entry> entries = registry.list();
            if (entries.isEmpty()) {
                System.out.println("no models in " + registry.dir().toAbsolutePath() + " (add one with 'lurewatch models add')");
                return 0;
            }
            for (ModelRegistry.Entry e : entries) {
                System.out.printf(Locale.ROOT, "%-8s %-34s %-26s %,10d bytes%n", e.live() ? "live" : e.candidate() ? "shadow" : "",
                        e.file(), e.version(), e.bytes());
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Copy a trained model into the registry (a version is never overwritten).")
    static final class Add extends RegistryCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "A model written by 'lurewatch train'.")
        Path file;

        @Override
        int run(ModelRegistry registry) {
            Path added = registry.add(file);
            LureModel model = LureModel.load(added);
            System.out.printf(Locale.ROOT, "added %s (%s): lexicons %s, corpus %s, real texts %s, hotline verdicts %s%n",
                    added.getFileName(), model.version(), model.fingerprint(Fingerprints.LEXICONS_KEY),
                    model.fingerprint(Fingerprints.CORPUS_KEY), model.fingerprint(Fingerprints.REAL_KEY),
                    model.fingerprint(Fingerprints.FEEDBACK_KEY));
            return 0;
        }
    }

    /** A registry command about one model of the registry, checked against the instances' lexicons first. */
    abstract static class OneModelCommand extends RegistryCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "The model's file name in the registry.")
        String file;
        @Option(names = "--lexicons", description = "Lexicon override directory the instances use (checked against the model).")
        Path lexicons;

        @Override
        final int run(ModelRegistry registry) {
            checkAgainstLexicons(registry, file, lexicons);
            return apply(registry);
        }

        abstract int apply(ModelRegistry registry);
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Make a model of the registry live; instances take it at their next poll.")
    static final class Promote extends OneModelCommand {
        @Override
        int apply(ModelRegistry registry) {
            registry.promote(file, by());
            System.out.println("live: " + file + " (instances following " + registry.dir() + " take it at their next poll;"
                    + " /readyz shows it)");
            return 0;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Make the model that was live before the current one live again.")
    static final class Rollback extends RegistryCommand {
        @Override
        int run(ModelRegistry registry) {
            System.out.println("live: " + registry.rollback(by()));
            return 0;
        }
    }

    @Command(name = "shadow", mixinStandardHelpOptions = true,
            description = {"Score every post with this model too, in shadow beside the live one: its assessments never leave",
                    "the instance; disagreements are counted (lurewatch_shadow_*) and sampled to the models.shadow topic."})
    static final class Shadow extends OneModelCommand {
        @Override
        int apply(ModelRegistry registry) {
            registry.shadow(file, by());
            System.out.println("shadow: " + file);
            return 0;
        }
    }

    @Command(name = "unshadow", mixinStandardHelpOptions = true, description = "Stop scoring a candidate in shadow.")
    static final class Unshadow extends RegistryCommand {
        @Override
        int run(ModelRegistry registry) {
            registry.unshadow(by());
            System.out.println("no shadow candidate");
            return 0;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Every promotion, rollback and shadow change.")
    static final class History extends RegistryCommand {
        @Override
        int run(ModelRegistry registry) {
            for (JsonNode e : registry.history()) {
                System.out.printf(Locale.ROOT, "%s %-9s %s -> %s by %s%n", e.path("time").asText(), e.path("action").asText(),
                        e.path("from").asText("none"), e.path("to").asText("none"), e.path("by").asText());
            }
            return 0;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"Compare two models on labelled data: figures side by side and where they disagree.",
                    "Without --data: every real text in models/real (held out by source) and the synthetic test split."})
    static final class Compare implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "LIVE", description = "The live (or reference) model file.")
        Path live;
        @Parameters(index = "1", paramLabel = "CANDIDATE", description = "The candidate model file.")
        Path candidate;
        @Option(names = "--data", description = "JSONL file or directory of labelled posts.")
        Path data;
        @Option(names = "--lexicons", description = "Lexicon override directory.")
        Path lexicons;

        @Override
        public Integer call() {
            return AssessErrors.run(() -> {
                List<LabeledPost> posts = new ArrayList<>();
                if (data != null) {
                    posts.addAll(CorpusReader.read(data));
                } else {
                    posts.addAll(Split.select(CorpusReader.read(EvalCommand.DEFAULT_CORPUS), Split.TEST));
                    if (Files.isDirectory(EvalCommand.DEFAULT_REAL)) {
                        posts.addAll(CorpusReader.read(EvalCommand.DEFAULT_REAL));
                    }
                }
                AssessConfig config = new AssessConfig(null, lexicons);
                PostAnalyzer analyzer = Assessors.analyzer(config);
                LureModel a = Assessors.checked(LureModel.load(live), analyzer, config);
                LureModel b = Assessors.checked(LureModel.load(candidate), analyzer, config);
                System.out.print(ModelComparison.of(analyzer, a, b, posts).text());
                return 0;
            });
        }
    }

    private static void checkAgainstLexicons(ModelRegistry registry, String file, Path lexicons) {
        LureModel model = LureModel.load(registry.dir().resolve("models").resolve(file));
        PostAnalyzer analyzer = Assessors.analyzer(new AssessConfig(null, lexicons));
        model.checkLexicons(analyzer.lexicons().fingerprint(), lexicons == null ? "bundled" : "bundled with overrides from " + lexicons);
    }
}
