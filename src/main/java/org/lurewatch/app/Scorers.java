package org.lurewatch.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.Supplier;
import org.lurewatch.assess.AssessConfig;
import org.lurewatch.assess.Assessor;
import org.lurewatch.assess.Assessors;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.model.PostAnalyzer;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.models.LiveModels;
import org.lurewatch.models.ShadowSampler;
import org.lurewatch.models.ShadowStats;
import org.lurewatch.ops.LifecycleLog;
import org.lurewatch.ops.LurewatchMetrics;
import org.lurewatch.ops.ReadinessCheck;

/**
 * Loads the configured model and lexicons once, at start, so a bad model file stops the start, not a stream:
 * one fixed model ({@code model.path} or the bundled one), or, with {@code model.registry.dir}, the registry's live
 * model followed without a restart and its shadow candidate ({@link LiveModels}).
 */
public final class Scorers {
    private Scorers() {
    }

    public static LurewatchRuntime.Scorer fromConfig(LurewatchConfig config) {
        long start = System.nanoTime();
        AssessConfig assess = new AssessConfig(config.modelPath().orElse(null), config.lexiconDir().orElse(null),
                config.model().allowLexiconMismatch());
        LifecycleLog log = LifecycleLog.create();
        if (config.model().registryDir().isEmpty()) {
            // The assessor is thread-safe, so all stream processors share the one loaded model.
            Assessor assessor = Assessors.load(assess);
            log.modelLoaded(assessor.modelVersion(), java.time.Duration.ofNanos(System.nanoTime() - start));
            return new LurewatchRuntime.Scorer() {
                @Override
                public Supplier<Assessor> assessors() {
                    return () -> assessor;
                }

                @Override
                public String modelVersion() {
                    return assessor.modelVersion();
                }
            };
        }
        PostAnalyzer analyzer = Assessors.analyzer(assess);
        LiveModels models = LiveModels.open(config.model().registryDir().get(), analyzer, assess,
                config.model().pollInterval(), log);
        log.modelLoaded(models.assessor().modelVersion(), java.time.Duration.ofNanos(System.nanoTime() - start));
        return new RegistryScorer(models, config.model().shadowSamplesPerMinute());
    }

    /** The scorer of an instance that follows a model registry. */
    private static final class RegistryScorer implements LurewatchRuntime.Scorer {
        private final LiveModels models;
        private final int samplesPerMinute;

        RegistryScorer(LiveModels models, int samplesPerMinute) {
            this.models = models;
            this.samplesPerMinute = samplesPerMinute;
        }

        @Override
        public Supplier<Assessor> assessors() {
            return models::assessor;
        }

        @Override
        public String modelVersion() {
            return models.assessor().modelVersion();
        }

        @Override
        public ReadinessCheck readiness() {
            return models.readiness();
        }

        @Override
        public void attach(String bootstrapServers, Map<String, String> kafkaOverrides, LurewatchMetrics metrics) {
            models.onLiveChange(metrics::modelVersion);
            bindShadowMetrics(metrics.registry(), models.shadowStats());
            if (samplesPerMinute > 0) {
                models.attachSampler(ShadowSampler.create(bootstrapServers, kafkaOverrides, samplesPerMinute));
            }
        }

        @Override
        public void close() {
            models.close();
        }
    }

    /** {@code lurewatch_shadow_scored_total} and {@code lurewatch_shadow_disagreements_total{live,candidate}}. */
    static void bindShadowMetrics(MeterRegistry registry, ShadowStats stats) {
        FunctionCounter.builder("lurewatch.shadow.scored", stats, ShadowStats::scored)
                .description("Posts a shadow candidate model scored beside the live one").register(registry);
        for (Category live : Category.values()) {
            for (Category candidate : Category.values()) {
                if (live != candidate) {
                    FunctionCounter.builder("lurewatch.shadow.disagreements", stats, s -> s.pair(live, candidate))
                            .description("Posts on which the shadow candidate's category differs from the live model's")
                            .tag("live", live.wireName()).tag("candidate", candidate.wireName()).register(registry);
                }
            }
        }
    }
}
