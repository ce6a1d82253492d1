package org.lurewatch.assess;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lurewatch.assess.lexicon.LexiconLoader;
import org.lurewatch.assess.lexicon.Lexicons;
import org.lurewatch.assess.model.LureModel;
import org.lurewatch.assess.model.ModelLoadException;
import org.lurewatch.assess.model.PostAnalyzer;
import org.lurewatch.assess.text.LanguageDetector;

/**
 * Builds assessors. Call {@link #load} once at start: it reads and validates the lexicons, the OpenNLP
 * language model and the trained categorizer, and fails fast with a clear message if any is missing or
 * corrupt. The returned assessor is thread-safe; share it between stream threads.
 */
public final class Assessors {
    /** The version of the model bundled with this build. */
    public static final String DEFAULT_MODEL_VERSION = "2.0";

    private Assessors() {
    }

    /** The default model file name, relative to the working directory (and inside the jar). */
    public static String defaultModelFile() {
        return "models/lure-doccat-" + DEFAULT_MODEL_VERSION + ".bin";
    }

    /**
     * @throws ModelLoadException                                    if the model is missing or invalid
     * @throws org.lurewatch.assess.lexicon.LexiconException         if a lexicon file is invalid
     */
    public static Assessor load(AssessConfig config) {
        return loadAssessor(config);
    }

    /** The same as {@link #load}, typed, for the eval command and tests that need the analyser. */
    public static LureAssessor loadAssessor(AssessConfig config) {
        PostAnalyzer analyzer = analyzer(config);
        return new LureAssessor(analyzer, checked(loadModel(config.modelPath()), analyzer, config));
    }

    /** The lexicons, language detector and rules of a configuration, without a model. */
    public static PostAnalyzer analyzer(AssessConfig config) {
        Lexicons lexicons = LexiconLoader.load(config.lexiconOverrideDir());
        return new PostAnalyzer(lexicons, new LanguageDetector(LanguageDetector.loadBundledModel(), lexicons.stopwords()));
    }

    /**
     * A model, checked against the analyser's lexicons unless the configuration allows a mismatch.
     *
     * @throws ModelLoadException when the lexicons differ from those the model was trained with
     */
    public static LureModel checked(LureModel model, PostAnalyzer analyzer, AssessConfig config) {
        if (!config.allowLexiconMismatch()) {
            model.checkLexicons(analyzer.lexicons().fingerprint(), config.lexiconOverrideDir() == null ? "bundled"
                    : "bundled with overrides from " + config.lexiconOverrideDir());
        }
        return model;
    }

    /** The configured model file, or the bundled model's bytes when none is configured. */
    public static byte[] modelBytes(Path modelPath) {
        try {
            if (modelPath != null) {
                return Files.readAllBytes(modelPath);
            }
            Path local = Path.of(defaultModelFile());
            if (Files.isRegularFile(local)) {
                return Files.readAllBytes(local);
            }
            try (InputStream in = Assessors.class.getResourceAsStream("/" + defaultModelFile())) {
                if (in == null) {
                    throw new ModelLoadException("no model configured and the default " + defaultModelFile()
                            + " is neither in the working directory nor on the classpath");
                }
                return in.readAllBytes();
            }
        } catch (java.io.IOException e) {
            throw new ModelLoadException("cannot read the model " + (modelPath == null ? defaultModelFile() : modelPath)
                    + ": " + e.getMessage(), e);
        }
    }

    public static LureModel loadModel(Path modelPath) {
        if (modelPath != null) {
            return LureModel.load(modelPath);
        }
        Path local = Path.of(defaultModelFile());
        if (Files.isRegularFile(local)) {
            return LureModel.load(local);
        }
        InputStream in = Assessors.class.getResourceAsStream("/" + defaultModelFile());
        if (in == null) {
            throw new ModelLoadException("no model configured and the default " + defaultModelFile()
                    + " is neither in the working directory nor on the classpath");
        }
        try (InputStream stream = in) {
            return LureModel.load(stream, "classpath:/" + defaultModelFile());
        } catch (java.io.IOException e) {
            throw new ModelLoadException("cannot read classpath:/" + defaultModelFile(), e);
        }
    }
}
