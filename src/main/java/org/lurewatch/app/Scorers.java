package org.lurewatch.app;

import org.lurewatch.assess.AssessConfig;
import org.lurewatch.assess.Assessor;
import org.lurewatch.assess.Assessors;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.ops.LifecycleLog;

/** Loads the configured model and lexicons once, at start, so a bad model file stops the start, not a stream. */
public final class Scorers {
    private Scorers() {
    }

    public static LurewatchRuntime.Scorer fromConfig(LurewatchConfig config) {
        long start = System.nanoTime();
        // The assessor is thread-safe (OpenNLP's categorizer is used behind per-thread state), so all stream
        // processors share the one loaded model.
        Assessor assessor = Assessors.load(new AssessConfig(config.modelPath().orElse(null), config.lexiconDir().orElse(null)));
        LifecycleLog.create().modelLoaded(assessor.modelVersion(), java.time.Duration.ofNanos(System.nanoTime() - start));
        return new LurewatchRuntime.Scorer() {
            @Override
            public java.util.function.Supplier<Assessor> assessors() {
                return () -> assessor;
            }

            @Override
            public String modelVersion() {
                return assessor.modelVersion();
            }
        };
    }
}
