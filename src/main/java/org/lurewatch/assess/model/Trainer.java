package org.lurewatch.assess.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.corpus.LabeledPost;
import org.lurewatch.assess.corpus.Split;
import org.lurewatch.assess.lexicon.IndicatorGroup;
import org.lurewatch.kafka.Json;

/**
 * Trains the detector reproducibly: the split is a hash of each post's id (and of each real text's source group),
 * the algorithms are deterministic, and nothing depends on time or order of files.
 *
 * <ol>
 *   <li>The OpenNLP categorizer learns from the synthetic corpus' train split. Every training post is also given
 *       a second time with its words removed and only its indicators left, so the model learns what the
 *       explainable indicators alone say and stays sensible on words it never saw.</li>
 *   <li>The calibration ({@link Calibrator}) is fitted on posts the categorizer never saw: the synthetic dev
 *       split and the real texts quoted in public reporting ({@code models/real/}), the real ones weighing more,
 *       each also in its indicators-only form.</li>
 *   <li>For honest figures on real text, the calibration is fitted again once per fold of source groups, without
 *       that fold; the fold calibrations travel in the model file, so {@code eval} scores a real text that took
 *       part in training with the calibration that never saw its source (see {@link RealFolds}).</li>
 * </ol>
 * The model file's manifest carries the version, the calibrations, the real groups and the options.
 */
public final class Trainer {
    /** How to train; {@link #defaults()} is what {@code lurewatch train} uses. */
    /**
     * @param algorithm             OpenNLP trainer of the categorizer (MAXENT, NAIVEBAYES, PERCEPTRON)
     * @param realWeight            weight of a real text in the calibration loss (a synthetic dev post weighs 1)
     * @param l2                    L2 penalty of the calibration
     * @param distressWeight        extra weight of a distress post in the calibration loss
     * @param useCategorizer        false: the calibration sees only the indicators (the categorizer is not consulted)
     * @param facts                 the calibration also sees the rules' facts (cues, place and contact kinds, pay level)
     */
    public record Options(String algorithm, int iterations, int cutoff, double realWeight, double l2,
                          double distressWeight, int calibrationIterations, boolean useCategorizer, boolean facts) {
        public static Options defaults() {
            return new Options("MAXENT", 150, 2, 3.0, 0.003, 1.5, 1500, true, true);
        }

        public Options withFacts(boolean use) {
            return new Options(algorithm, iterations, cutoff, realWeight, l2, distressWeight, calibrationIterations, useCategorizer, use);
        }

        public Options withIterations(int iterations, int cutoff) {
            return new Options(algorithm, iterations, cutoff, realWeight, l2, distressWeight, calibrationIterations, useCategorizer, facts);
        }

        public Options withAlgorithm(String algorithm) {
            return new Options(algorithm, iterations, cutoff, realWeight, l2, distressWeight, calibrationIterations, useCategorizer, facts);
        }

        public Options withCalibration(double realWeight, double l2) {
            return new Options(algorithm, iterations, cutoff, realWeight, l2, distressWeight, calibrationIterations, useCategorizer, facts);
        }

        public Options withCategorizer(boolean use) {
            return new Options(algorithm, iterations, cutoff, realWeight, l2, distressWeight, calibrationIterations, use, facts);
        }
    }

    private final PostAnalyzer analyzer;

    public Trainer(PostAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** A trained model and what was measured while training it. */
    public record Result(LureModel model, String algorithm, int train, int dev, int test, int real, int realGroups) {
    }

    /** The features of one post, ready for OpenNLP. */
    record Featurized(LabeledPost post, Analysis analysis) {
        DocumentSample sample() {
            return sample(analysis.tokens());
        }

        /** The same post with no words, only its indicators: what the model sees of a post in words it never met. */
        DocumentSample indicatorsOnly() {
            return sample(new String[0]);
        }

        private DocumentSample sample(String[] tokens) {
            Map<String, Object> extra = new HashMap<>(2);
            extra.put(IndicatorFeatures.KEY, analysis.indicators().features());
            return new DocumentSample(post.label().wireName(), tokens, extra);
        }
    }

    /** Trains on a synthetic corpus alone, with default calibration options. */
    public Result train(List<LabeledPost> corpus, String version, int iterations, int cutoff) {
        return train(corpus, List.of(), version, Options.defaults().withIterations(iterations, cutoff));
    }

    /**
     * @param corpus synthetic posts: train split for the categorizer, dev split for the calibration
     * @param real   real texts (each with a source group): calibration only, cross-fitted by group folds
     */
    public Result train(List<LabeledPost> corpus, List<LabeledPost> real, String version, Options options) {
        return train(corpus, real, List.of(), version, options);
    }

    /**
     * As above, with hotlines' verdicts as labelled examples ({@code feedback}, each grouped by its hotline): real
     * posts judged by the people who act on them, used like the real texts. The model records a fingerprint of
     * each input, and of the lexicons, so what it was trained with can be checked later.
     */
    public Result train(List<LabeledPost> corpus, List<LabeledPost> real, List<LabeledPost> feedback, String version,
                        Options options) {
        List<LabeledPost> realAndFeedback = new ArrayList<>(real);
        realAndFeedback.addAll(feedback);
        Prepared data = prepare(corpus, realAndFeedback);
        DoccatModel categorizer = trainCategorizer(data.train(), options);
        List<String> codes = indicatorCodes();
        Calibrated c = calibrate(categorizer, data, codes, options);
        Map<String, String> manifest = manifest(version, c.all(), options);
        for (int f = 0; f < RealFolds.FOLDS; f++) {
            if (c.folds()[f] != null) {
                manifest.put(RealFolds.calibrationKey(f), c.folds()[f].toJson());
            }
        }
        manifest.put(RealFolds.GROUPS_KEY, String.join("\n", data.groups()));
        manifest.put(Fingerprints.LEXICONS_KEY, analyzer.lexicons().fingerprint());
        manifest.put(Fingerprints.CORPUS_KEY, Fingerprints.of(corpus));
        manifest.put(Fingerprints.REAL_KEY, Fingerprints.of(real));
        manifest.put(Fingerprints.FEEDBACK_KEY, Fingerprints.of(feedback));
        LureModel model = new LureModel(new DoccatModel("und", categorizer.getMaxentModel(), manifest, factory()));
        return new Result(model, options.algorithm(), data.train().size(), data.dev().size(), data.test(),
                data.real().size(), data.groups().size());
    }

    /** The corpus split and analysed once, so that experiments can train many calibrations on it. */
    public record Prepared(List<Featurized> train, List<Featurized> dev, int test, List<Featurized> real,
                           TreeSet<String> groups) {
    }

    public Prepared prepare(List<LabeledPost> corpus, List<LabeledPost> real) {
        List<Featurized> train = new ArrayList<>();
        List<Featurized> dev = new ArrayList<>();
        int test = 0;
        for (LabeledPost p : corpus) {
            Split s = Split.of(p.id());
            if (s == Split.TEST) {
                test++;
                continue;
            }
            (s == Split.TRAIN ? train : dev).add(featurize(p));
        }
        if (train.isEmpty() || dev.isEmpty()) {
            throw new IllegalArgumentException("the corpus is too small to split: " + train.size() + " train, " + dev.size() + " dev");
        }
        for (Category c : Category.values()) {
            if (train.stream().noneMatch(f -> f.post().label() == c)) {
                throw new IllegalArgumentException("the train split has no '" + c.wireName() + "' post");
            }
        }
        List<Featurized> realOut = new ArrayList<>();
        TreeSet<String> groups = new TreeSet<>();
        for (LabeledPost p : real) {
            if (!p.real()) {
                throw new IllegalArgumentException("real text " + p.id() + " has no source group");
            }
            realOut.add(featurize(p));
            groups.add(p.group());
        }
        return new Prepared(List.copyOf(train), List.copyOf(dev), test, List.copyOf(realOut), groups);
    }

    private Featurized featurize(LabeledPost p) {
        return new Featurized(p, analyzer.analyze(p.toPost(false)));
    }

    /** The indicator codes the bundled lexicons define, in their order (the calibration's per-indicator inputs). */
    List<String> indicatorCodes() {
        List<String> codes = new ArrayList<>();
        analyzer.lexicons().indicators().values().forEach(spec -> {
            if (spec.group() != IndicatorGroup.WATCHLIST) {
                codes.add(spec.code());
            }
        });
        return codes;
    }

    public static DoccatModel trainCategorizer(List<Featurized> train, Options options) {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, options.algorithm());
        params.put(TrainingParameters.ITERATIONS_PARAM, options.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, options.cutoff());
        params.put(TrainingParameters.THREADS_PARAM, 1);
        List<DocumentSample> samples = new ArrayList<>(train.size() * 2);
        for (Featurized f : train) {
            samples.add(f.sample());
            samples.add(f.indicatorsOnly());
        }
        try {
            return DocumentCategorizerME.train("und", ObjectStreamUtils.createObjectStream(samples), params, factory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calibration on everything, and one per real fold fitted without that fold (null where a fold is empty). */
    record Calibrated(Calibrator all, Calibrator[] folds) {
    }

    Calibrated calibrate(DoccatModel categorizer, Prepared data, List<String> codes, Options options) {
        LureModel raw = new LureModel(new DoccatModel("und", categorizer.getMaxentModel(),
                manifest("uncalibrated", Calibrator.identity(codes), options), factory()));
        List<String> features = Calibrator.featureNames(codes, options.facts() ? facts(data) : List.of());
        Calibrator shape = new Calibrator(features, new double[Calibrator.CLASSES][features.size()]);
        Rows synthetic = new Rows();
        for (Featurized f : data.dev()) {
            synthetic.add(raw, shape, f, options.distressWeight());
        }
        Rows[] realByFold = new Rows[RealFolds.FOLDS];
        for (int k = 0; k < RealFolds.FOLDS; k++) {
            realByFold[k] = new Rows();
        }
        for (Featurized f : data.real()) {
            realByFold[RealFolds.of(f.post().group())].add(raw, shape, f, options.distressWeight() * options.realWeight(),
                    options.realWeight());
        }
        Calibrator all = fit(features, synthetic, realByFold, -1, options);
        Calibrator[] folds = new Calibrator[RealFolds.FOLDS];
        for (int k = 0; k < RealFolds.FOLDS; k++) {
            if (!realByFold[k].xs.isEmpty()) {
                folds[k] = fit(features, synthetic, realByFold, k, options);
            }
        }
        return new Calibrated(all, folds);
    }

    /** The facts seen in the calibration data, sorted, so the inputs are the same in every run. */
    private static List<String> facts(Prepared data) {
        TreeSet<String> facts = new TreeSet<>();
        for (List<Featurized> part : List.of(data.dev(), data.real())) {
            for (Featurized f : part) {
                f.analysis().indicators().features().stream().filter(Calibrator::isFact).forEach(facts::add);
            }
        }
        return List.copyOf(facts);
    }

    private static Calibrator fit(List<String> features, Rows synthetic, Rows[] real, int without, Options options) {
        Rows rows = new Rows();
        rows.addAll(synthetic);
        for (int k = 0; k < real.length; k++) {
            if (k != without) {
                rows.addAll(real[k]);
            }
        }
        return Calibrator.fit(features, rows.xs, rows.labels(), rows.weights(), options.l2(), options.calibrationIterations());
    }

    /** Calibration rows: each post as written and in its indicators-only form. */
    private static final class Rows {
        final List<double[]> xs = new ArrayList<>();
        final List<Integer> labels = new ArrayList<>();
        final List<Double> weights = new ArrayList<>();

        void add(LureModel raw, Calibrator shape, Featurized f, double distressWeight) {
            add(raw, shape, f, distressWeight, 1.0);
        }

        void add(LureModel raw, Calibrator shape, Featurized f, double distressWeight, double weight) {
            var ind = f.analysis().indicators();
            int label = classIndex(f.post().label());
            double w = label == Calibrator.DISTRESS ? distressWeight : weight;
            xs.add(shape.inputs(raw.rawProbabilities(f.analysis().tokens(), ind.features()), ind));
            xs.add(shape.inputs(raw.rawProbabilities(new String[0], ind.features()), ind));
            for (int i = 0; i < 2; i++) {
                labels.add(label);
                weights.add(w);
            }
        }

        void addAll(Rows other) {
            xs.addAll(other.xs);
            labels.addAll(other.labels);
            weights.addAll(other.weights);
        }

        int[] labels() {
            return labels.stream().mapToInt(Integer::intValue).toArray();
        }

        double[] weights() {
            return weights.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    static DoccatFactory factory() {
        return new DoccatFactory(new FeatureGenerator[] {new WordFeatures(), new CharNgramFeatures(), new IndicatorFeatures()});
    }

    private static Map<String, String> manifest(String version, Calibrator c, Options options) {
        Map<String, String> manifest = new HashMap<>();
        manifest.put(LureModel.VERSION_KEY, version);
        manifest.put(LureModel.CALIBRATION_KEY, c.toJson());
        manifest.put(LureModel.ALGORITHM_KEY, options.algorithm());
        manifest.put(LureModel.OPTIONS_KEY, Json.mapper().valueToTree(options).toString());
        manifest.put(LureModel.USE_CATEGORIZER_KEY, Boolean.toString(options.useCategorizer()));
        return manifest;
    }

    static int classIndex(Category c) {
        return switch (c) {
            case LURE -> Calibrator.LURE;
            case DISTRESS -> Calibrator.DISTRESS;
            case BENIGN -> Calibrator.BENIGN;
            case JOB_SCAM -> Calibrator.JOB_SCAM;
        };
    }

    /**
     * Writes the model file, byte for byte the same for the same corpus and code: OpenNLP stamps the time into
     * the manifest and the zip entries, so the zip is rewritten with those fixed.
     */
    public static void write(LureModel model, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            model.doccat().serialize(raw);
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(deterministic(raw.toByteArray()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static byte[] deterministic(byte[] zip) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(zip.length);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("manifest.properties")) {
                    StringBuilder sb = new StringBuilder();
                    List<String> lines = new ArrayList<>();
                    for (String line : new String(content, java.nio.charset.StandardCharsets.ISO_8859_1).split("\n")) {
                        if (line.startsWith("#")) {
                            continue; // the date Properties.store writes
                        }
                        lines.add(line.startsWith("Timestamp=") ? "Timestamp=0" : line);
                    }
                    lines.sort(null); // Properties.store writes in hash order
                    lines.forEach(l -> sb.append(l).append('\n'));
                    content = sb.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                }
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                copy.setTime(0L);
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The metrics file written next to the model. */
    public static ObjectNode metrics(Result r, ObjectNode reports) {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("modelVersion", r.model().version());
        m.put("algorithm", r.algorithm());
        ObjectNode split = m.putObject("split");
        split.put("train", r.train());
        split.put("dev", r.dev());
        split.put("test", r.test());
        split.put("rule", "SHA-256 of id, first 4 bytes mod 100: <70 train, <85 dev, else test");
        split.put("real", r.real());
        split.put("realGroups", r.realGroups());
        split.put("realRule", "real texts calibrate only; their figures come from the fold calibration fitted without "
                + "their source group (SHA-256 of group mod " + RealFolds.FOLDS + ")");
        m.setAll(reports);
        return m;
    }
}
