package org.lurewatch.assess.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.lurewatch.kafka.Json;

/**
 * Trains the lure categorizer reproducibly: the split is a hash of each post's id, the algorithms are
 * deterministic, and nothing depends on time or order of files. Trains maxent, naive Bayes and perceptron
 * on the train split, keeps the best by macro-F1 on the dev split, fits the calibration on the dev split and
 * writes one model file whose manifest carries the version and calibration.
 *
 * <p>To generalise beyond the corpus' own phrasing, every training post is also given to the categorizer a
 * second time with its words removed and only its indicators left, and the calibration is fitted on both
 * forms of the dev posts: the model learns what the explainable indicators alone say, and the score stays
 * sensible for a post whose words it has never seen.
 */
public final class Trainer {
    /** The algorithms compared, with their OpenNLP names. */
    public static final List<String> ALGORITHMS = List.of("MAXENT", "NAIVEBAYES", "PERCEPTRON");
    /** Calibration loss weights of lure, distress, benign: missing a plea for rescue costs the most. */
    static final double[] CLASS_WEIGHTS = {1.0, 1.5, 1.0};

    private final PostAnalyzer analyzer;

    public Trainer(PostAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** A trained model and what was measured while choosing it. */
    public record Result(LureModel model, String algorithm, Map<String, Double> devMacroF1, int train, int dev, int test) {
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

    public Result train(List<LabeledPost> corpus, String version, int iterations, int cutoff) {
        List<Featurized> train = new ArrayList<>();
        List<Featurized> dev = new ArrayList<>();
        int test = 0;
        for (LabeledPost p : corpus) {
            Split s = Split.of(p.id());
            if (s == Split.TEST) {
                test++;
                continue;
            }
            Featurized f = new Featurized(p, analyzer.analyze(p.toPost(false)));
            (s == Split.TRAIN ? train : dev).add(f);
        }
        if (train.isEmpty() || dev.isEmpty()) {
            throw new IllegalArgumentException("the corpus is too small to split: " + train.size() + " train, " + dev.size() + " dev");
        }
        for (Category c : Category.values()) {
            if (train.stream().noneMatch(f -> f.post().label() == c)) {
                throw new IllegalArgumentException("the train split has no '" + c.wireName() + "' post");
            }
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        DoccatModel best = null;
        String bestName = null;
        double bestScore = -1;
        for (String algorithm : ALGORITHMS) {
            DoccatModel m = trainOne(train, algorithm, iterations, cutoff);
            double f1 = macroF1(new LureModel(withManifest(m, version, Calibrator.identity(), algorithm)), dev);
            scores.put(algorithm, round(f1));
            if (f1 > bestScore) {
                bestScore = f1;
                best = m;
                bestName = algorithm;
            }
        }
        LureModel uncalibrated = new LureModel(withManifest(best, version, Calibrator.identity(), bestName));
        // Each dev post counts twice: as written, and as the model would see it in words it never met (only its
        // indicators), so the calibration also holds for writers and phrasings unlike the corpus.
        List<double[]> xs = new ArrayList<>();
        int[] labels = new int[dev.size() * 2];
        for (int i = 0; i < dev.size(); i++) {
            Featurized f = dev.get(i);
            var ind = f.analysis().indicators();
            double[] raw = uncalibrated.categorize(f.analysis().tokens(), ind.features());
            xs.add(Calibrator.inputs(raw, ind));
            double[] blind = uncalibrated.categorize(new String[0], ind.features());
            xs.add(Calibrator.inputs(blind, ind));
            labels[2 * i] = classIndex(f.post().label());
            labels[2 * i + 1] = classIndex(f.post().label());
        }
        Calibrator calibrator = Calibrator.fit(xs, labels, CLASS_WEIGHTS, 0.01, 3000);
        LureModel model = new LureModel(withManifest(best, version, calibrator, bestName));
        return new Result(model, bestName, scores, train.size(), dev.size(), test);
    }

    private static DoccatModel trainOne(List<Featurized> train, String algorithm, int iterations, int cutoff) {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, cutoff);
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

    static DoccatFactory factory() {
        return new DoccatFactory(new FeatureGenerator[] {new WordFeatures(), new CharNgramFeatures(), new IndicatorFeatures()});
    }

    private static DoccatModel withManifest(DoccatModel m, String version, Calibrator c, String algorithm) {
        Map<String, String> manifest = new HashMap<>();
        manifest.put(LureModel.VERSION_KEY, version);
        manifest.put(LureModel.CALIBRATION_KEY, c.toJson());
        manifest.put(LureModel.ALGORITHM_KEY, algorithm);
        return new DoccatModel("und", m.getMaxentModel(), manifest, factory());
    }

    private static int classIndex(Category c) {
        return switch (c) {
            case LURE -> Calibrator.LURE;
            case DISTRESS -> Calibrator.DISTRESS;
            case BENIGN -> Calibrator.BENIGN;
        };
    }

    private static double macroF1(LureModel model, List<Featurized> dev) {
        int[][] confusion = new int[3][3];
        for (Featurized f : dev) {
            double[] p = model.categorize(f.analysis().tokens(), f.analysis().indicators().features());
            int pred = 0;
            for (int k = 1; k < 3; k++) {
                if (p[k] > p[pred]) {
                    pred = k;
                }
            }
            confusion[classIndex(f.post().label())][pred]++;
        }
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            int tp = confusion[k][k];
            int fp = confusion[0][k] + confusion[1][k] + confusion[2][k] - tp;
            int fn = confusion[k][0] + confusion[k][1] + confusion[k][2] - tp;
            double pr = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double rc = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            sum += pr + rc == 0 ? 0 : 2 * pr * rc / (pr + rc);
        }
        return sum / 3;
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
                    for (String line : new String(content, java.nio.charset.StandardCharsets.ISO_8859_1).split("\n")) {
                        if (line.startsWith("#")) {
                            continue; // the date Properties.store writes
                        }
                        sb.append(line.startsWith("Timestamp=") ? "Timestamp=0" : line).append('\n');
                    }
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
    public static ObjectNode metrics(Result r, ObjectNode testReport) {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("modelVersion", r.model().version());
        m.put("algorithm", r.algorithm());
        ObjectNode split = m.putObject("split");
        split.put("train", r.train());
        split.put("dev", r.dev());
        split.put("test", r.test());
        split.put("rule", "SHA-256 of id, first 4 bytes mod 100: <70 train, <85 dev, else test");
        ObjectNode dev = m.putObject("devMacroF1ByAlgorithm");
        r.devMacroF1().forEach(dev::put);
        m.set("test", testReport);
        return m;
    }

    private static double round(double d) {
        return Math.round(d * 10000) / 10000.0;
    }
}
