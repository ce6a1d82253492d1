package org.lurewatch.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.lurewatch.assess.AssessConfig;
import org.lurewatch.assess.Assessment;
import org.lurewatch.assess.Assessors;
import org.lurewatch.assess.SwappableAssessor;
import org.lurewatch.assess.model.LureModel;
import org.lurewatch.assess.model.ModelLoadException;
import org.lurewatch.assess.model.ModelRegistry;
import org.lurewatch.assess.model.PostAnalyzer;
import org.lurewatch.ingest.Post;
import org.lurewatch.ops.LifecycleLog;
import org.lurewatch.ops.ReadinessCheck;

/**
 * The models of a running instance, taken from a {@link ModelRegistry} and followed without a restart: a thread
 * reads the registry's pointers every poll interval, loads and checks a newly named model off the stream threads,
 * and only then swaps it in ({@link SwappableAssessor}). A model that does not load, or was trained with other
 * lexicons, is rejected with one log line and the instance keeps the model it has; {@code /readyz} says so.
 *
 * <p>On first start with an empty registry, the configured model ({@code model.path}, else the bundled one) is
 * added and made live, so the registry always names what runs.
 */
public final class LiveModels implements AutoCloseable {
    private final ModelRegistry registry;
    private final PostAnalyzer analyzer;
    private final AssessConfig check;
    private final LifecycleLog log;
    private final SwappableAssessor assessor;
    private final ShadowStats shadowStats = new ShadowStats();
    private final List<Consumer<String>> liveListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller;
    private volatile ShadowSampler sampler;
    private volatile String liveFile;
    private volatile String candidateFile;
    private volatile Instant liveSince = Instant.now();
    private volatile String lastRejection;
    /** A live model the registry named but that was rejected: not tried again until the pointer changes. */
    private volatile String rejectedLive;

    private LiveModels(ModelRegistry registry, PostAnalyzer analyzer, AssessConfig check, LifecycleLog log, Duration poll) {
        this.registry = registry;
        this.analyzer = analyzer;
        this.check = check;
        this.log = log;
        Path live = registry.live().orElseThrow();
        this.liveFile = live.getFileName().toString();
        this.assessor = new SwappableAssessor(analyzer, load(live), this::shadowScored);
        registry.candidate().ifPresent(this::takeCandidate);
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lurewatch-model-registry");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the registry, seeding it with the configured model when it names no live one.
     *
     * @throws ModelLoadException when the live model cannot be loaded at start (an instance never starts without one)
     */
    public static LiveModels open(Path registryDir, PostAnalyzer analyzer, AssessConfig check, Duration poll, LifecycleLog log) {
        ModelRegistry registry = ModelRegistry.at(registryDir);
        if (registry.live().isEmpty()) {
            seed(registry, check.modelPath());
        }
        return new LiveModels(registry, analyzer, check, log, poll);
    }

    private static void seed(ModelRegistry registry, Path modelPath) {
        byte[] bytes = Assessors.modelBytes(modelPath);
        try {
            Path tmp = Files.createTempFile("lurewatch-seed-", ".bin");
            try {
                Files.write(tmp, bytes);
                String version = LureModel.load(tmp).version();
                Path named = tmp.resolveSibling(version + ".bin");
                Files.move(tmp, named, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Path added = registry.add(named);
                Files.deleteIfExists(named);
                registry.promote(added.getFileName().toString(), "lurewatch (first start, from "
                        + (modelPath == null ? "the bundled model" : modelPath.toString()) + ")");
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seed the model registry " + registry.dir(), e);
        }
    }

    public SwappableAssessor assessor() {
        return assessor;
    }

    public ShadowStats shadowStats() {
        return shadowStats;
    }

    /** Writes a sample of the shadow candidate's disagreements through {@code sampler} from now on. */
    public void attachSampler(ShadowSampler sampler) {
        this.sampler = sampler;
    }

    /** Told the version of every new live model. */
    public void onLiveChange(Consumer<String> listener) {
        liveListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** What {@code /readyz} says of the model: ready while a live model is loaded, with what it is. */
    public ReadinessCheck readiness() {
        StringBuilder detail = new StringBuilder("live ").append(assessor.modelVersion()).append(" (")
                .append(registry.dir().resolve("models").resolve(liveFile)).append(", since ").append(liveSince).append(')');
        String candidate = assessor.candidateVersion();
        if (candidate != null) {
            detail.append("; shadow ").append(candidate).append(": ").append(shadowStats.scored()).append(" scored, ")
                    .append(shadowStats.disagreements()).append(" disagree");
        }
        String rejected = lastRejection;
        if (rejected != null) {
            detail.append("; rejected ").append(rejected);
        }
        return ReadinessCheck.ok("model", detail.toString());
    }

    /** Reads the pointers once; the poller calls it, tests may too. */
    public synchronized void poll() {
        try {
            Optional<Path> live = registry.live();
            String liveName = live.map(p -> p.getFileName().toString()).orElse(null);
            if (liveName != null && !liveName.equals(liveFile) && !liveName.equals(rejectedLive)) {
                takeLive(live.get());
            }
            Optional<Path> candidate = registry.candidate();
            String name = candidate.map(p -> p.getFileName().toString()).orElse(null);
            if (!Objects.equals(name, candidateFile)) {
                if (candidate.isPresent()) {
                    takeCandidate(candidate.get());
                } else {
                    String was = assessor.candidateVersion();
                    assessor.setCandidate(null);
                    candidateFile = null;
                    log.modelSwapped("shadow", was, null, null);
                }
            }
        } catch (RuntimeException e) {
            // a registry that cannot be read now (a network volume away) is read again at the next poll
            lastRejection = "registry unreadable: " + e.getMessage();
        }
    }

    private void takeLive(Path file) {
        String name = file.getFileName().toString();
        try {
            LureModel model = load(file);
            String was = assessor.modelVersion();
            assessor.swapLive(model);
            liveFile = name;
            liveSince = Instant.now();
            lastRejection = null;
            rejectedLive = null;
            log.modelSwapped("live", was, model.version(), name);
            liveListeners.forEach(l -> l.accept(model.version()));
        } catch (ModelLoadException e) {
            reject("live", name, e);
        }
    }

    private void takeCandidate(Path file) {
        String name = file.getFileName().toString();
        try {
            LureModel model = load(file);
            String was = assessor.candidateVersion();
            shadowStats.reset();
            assessor.setCandidate(model);
            candidateFile = name;
            log.modelSwapped("shadow", was, model.version(), name);
        } catch (ModelLoadException e) {
            candidateFile = name;
            reject("shadow", name, e);
        }
    }

    private void reject(String role, String name, ModelLoadException e) {
        lastRejection = role + " " + name + ": " + e.getMessage();
        log.modelRejected(role, name, e.getMessage(), role.equals("live") ? assessor.modelVersion() : assessor.candidateVersion());
        if (role.equals("live")) {
            rejectedLive = name; // not retried on every poll; a new pointer is read again
        }
    }

    private LureModel load(Path file) {
        return Assessors.checked(LureModel.load(file), analyzer, check);
    }

    private void shadowScored(Post post, Assessment live, Assessment candidate) {
        if (shadowStats.count(live, candidate)) {
            ShadowSampler s = sampler;
            if (s != null) {
                s.offer(post, live, candidate);
            }
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        ShadowSampler s = sampler;
        if (s != null) {
            s.close();
        }
    }
}
