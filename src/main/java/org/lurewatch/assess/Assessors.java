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
        Lexicons lexicons = LexiconLoader.load(config.lexiconOverrideDir());
        PostAnalyzer analyzer = new PostAnalyzer(lexicons,
                new LanguageDetector(LanguageDetector.loadBundledModel(), lexicons.stopwords()));
        return new LureAssessor(analyzer, loadModel(config.modelPath()));
    }

    static LureModel loadModel(Path modelPath) {
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
