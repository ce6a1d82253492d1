package org.lurewatch.assess.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * The trained OpenNLP document categorizer and its calibration, as one validated unit. The model file is an
 * ordinary OpenNLP doccat model whose manifest also carries {@code lurewatch.version} and
 * {@code lurewatch.calibration}. Thread-safe: the categorizer only reads the model, and the feature
 * generators are stateless.
 */
public final class LureModel {
    public static final String VERSION_KEY = "lurewatch.version";
    public static final String CALIBRATION_KEY = "lurewatch.calibration";
    public static final String ALGORITHM_KEY = "lurewatch.algorithm";
    public static final String OPTIONS_KEY = "lurewatch.training.options";
    public static final String USE_CATEGORIZER_KEY = "lurewatch.useCategorizer";
    private static final double[] UNIFORM = {0.25, 0.25, 0.25, 0.25};

    private final DoccatModel model;
    private final DocumentCategorizerME categorizer;
    private final opennlp.tools.ml.model.MaxentModel maxent;
    private final FeatureGenerator[] generators;
    private final String version;
    private final Calibrator calibrator;
    /** Per real fold, the calibration fitted without that fold; null where the fold had no real text. */
    private final Calibrator[] foldCalibrators = new Calibrator[RealFolds.FOLDS];
    private final java.util.Set<String> realGroups;
    private final boolean useCategorizer;
    private final int[] index = new int[Calibrator.CLASSES];

    public LureModel(DoccatModel model) {
        this.model = model;
        this.categorizer = new DocumentCategorizerME(model);
        this.maxent = model.getMaxentModel();
        this.generators = model.getFactory().getFeatureGenerators().clone();
        String v = model.getManifestProperty(VERSION_KEY);
        if (v == null || v.isBlank()) {
            throw new ModelLoadException("the model has no " + VERSION_KEY + " entry: not trained by 'lurewatch train'");
        }
        this.version = v;
        String cal = model.getManifestProperty(CALIBRATION_KEY);
        if (cal == null) {
            throw new ModelLoadException("the model has no " + CALIBRATION_KEY + " entry: not trained by 'lurewatch train'");
        }
        try {
            this.calibrator = Calibrator.fromJson(cal);
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException("the model's calibration is corrupt: " + e.getMessage(), e);
        }
        for (int f = 0; f < RealFolds.FOLDS; f++) {
            String json = model.getManifestProperty(RealFolds.calibrationKey(f));
            if (json != null) {
                try {
                    foldCalibrators[f] = Calibrator.fromJson(json);
                } catch (IllegalArgumentException e) {
                    throw new ModelLoadException("the model's calibration for real fold " + f + " is corrupt: " + e.getMessage(), e);
                }
            }
        }
        this.useCategorizer = !"false".equals(model.getManifestProperty(USE_CATEGORIZER_KEY));
        String groups = model.getManifestProperty(RealFolds.GROUPS_KEY);
        this.realGroups = groups == null || groups.isBlank() ? java.util.Set.of()
                : java.util.Set.copyOf(java.util.Arrays.asList(groups.split("\n")));
        for (int k = 0; k < Calibrator.CLASSES; k++) {
            String name = Calibrator.CLASS_NAMES.get(k);
            index[k] = categorizer.getIndex(name);
            if (index[k] < 0) {
                throw new ModelLoadException("the model does not know the category '" + name
                        + "' (a model from before job_scam was a category; retrain with 'lurewatch train')");
            }
        }
    }

    /** Loads and validates a model file. */
    public static LureModel load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("model file not found: " + file.toAbsolutePath()
                    + " (train one with 'lurewatch train' or set the model path)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        }  catch (IOException e) {
            throw new ModelLoadException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads and validates a model from a stream; {@code name} is used in errors. */
    public static LureModel load(InputStream in, String name) {
        try {
            return new LureModel(new DoccatModel(in));
        } catch (ModelLoadException e) {
            throw new ModelLoadException(name + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("model file " + name + " is not a valid OpenNLP doccat model: " + e.getMessage(), e);
        }
    }

    /**
     * Raw categorizer probabilities of lure, distress, benign, job scam (the {@link Calibrator} indices). The context is built by the model's own feature
     * generators, exactly as {@link DocumentCategorizerME} builds it, into one array instead of a linked list.
     */
    public double[] categorize(String[] tokens, List<String> features) {
        Map<String, Object> extra = Map.of(IndicatorFeatures.KEY, features);
        List<String> context = new ArrayList<>(tokens.length + features.size() + 64);
        for (FeatureGenerator g : generators) {
            context.addAll(g.extractFeatures(tokens, extra));
        }
        double[] p = maxent.eval(context.toArray(new String[0]));
        return new double[] {p[index[0]], p[index[1]], p[index[2]], p[index[3]]};
    }

    /** The categorizer's probabilities, or uniform ones for a model calibrated on the indicators alone. */
    double[] rawProbabilities(String[] tokens, List<String> features) {
        return useCategorizer ? categorize(tokens, features) : UNIFORM;
    }

    /** Calibrated probabilities of lure, distress, benign, job scam for an analysed post. */
    public double[] probabilities(Analysis a) {
        return probabilities(a, calibrator);
    }

    /** The same with a given calibration (one of {@link #calibratorWithout}). */
    public double[] probabilities(Analysis a, Calibrator with) {
        double[] raw = rawProbabilities(a.tokens(), a.indicators().features());
        return with.probabilities(with.inputs(raw, a.indicators()));
    }

    /**
     * The calibration that never saw a real source group: the fold calibration for a group that took part in
     * calibrating this model, the model's own calibration for any other.
     */
    public Calibrator calibratorWithout(String group) {
        if (group == null || !realGroups.contains(group)) {
            return calibrator;
        }
        Calibrator c = foldCalibrators[RealFolds.of(group)];
        return c == null ? calibrator : c;
    }

    /** A fingerprint recorded at training ({@link Fingerprints}), or "unknown" for a model trained before they were. */
    public String fingerprint(String key) {
        String v = model.getManifestProperty(key);
        return v == null ? "unknown" : v;
    }

    /**
     * Fails unless this model was trained with these lexicons: its indicators, facts and calibration weights mean
     * something only with the phrases they were learnt from.
     *
     * @throws ModelLoadException naming both fingerprints and what to do
     */
    public void checkLexicons(String lexiconFingerprint, String where) {
        String trained = model.getManifestProperty(Fingerprints.LEXICONS_KEY);
        if (trained != null && !trained.equals(lexiconFingerprint)) {
            throw new ModelLoadException("model " + version() + " was trained with lexicons " + trained + " but the lexicons in use ("
                    + where + ") are " + lexiconFingerprint + ": retrain with these lexicons ('lurewatch train"
                    + (where.startsWith("bundled") ? "" : " --lexicons DIR") + "'), use the lexicons it was trained with,"
                    + " or set model.allow.lexicon.mismatch=true (--allow-lexicon-mismatch) to score anyway");
        }
    }

    /** The real source groups whose texts calibrated this model. */
    public java.util.Set<String> realGroups() {
        return realGroups;
    }

    public Calibrator calibrator() {
        return calibrator;
    }

    /** The version stamped on assessments: {@code lure-doccat-<version>}. */
    public String version() {
        return "lure-doccat-" + version;
    }

    public String algorithm() {
        String a = model.getManifestProperty(ALGORITHM_KEY);
        return a == null ? "unknown" : a;
    }

    DoccatModel doccat() {
        return model;
    }
}
