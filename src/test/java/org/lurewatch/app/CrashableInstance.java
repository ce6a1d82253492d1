package org.lurewatch.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.assess.Assessment;
import org.lurewatch.assess.Assessor;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.ingest.Post;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.PipelineEvents;

/**
 * A Lurewatch instance for crash tests, run in a child JVM so that a test can kill it with {@code kill -9}.
 * Arguments: bootstrap servers, topic prefix, application id, state directory, and optionally an instance id (static
 * membership, as {@code instance.id}) and a per-post scoring delay in milliseconds (default
 * {@link #SCORING_DELAY_MILLIS}). Scoring is the predictable {@link KeywordAssessor}, slowed down so that a test can
 * kill the instance in the middle of a feed.
 */
public final class CrashableInstance {
    /** Per-post scoring delay, so a few hundred posts take seconds, not milliseconds. */
    static final long SCORING_DELAY_MILLIS = 5;

    private CrashableInstance() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> extra = new java.util.HashMap<>();
        if (args.length > 4) {
            // Static membership as deployed: the default session timeout, which a restart must not have to wait out.
            extra.put("instance.id", args[4]);
            extra.put("kafka.consumer.session.timeout.ms", "45000");
            extra.put("kafka.consumer.heartbeat.interval.ms", "3000");
        }
        long delay = args.length > 5 ? Long.parseLong(args[5]) : SCORING_DELAY_MILLIS;
        LurewatchApp app = start(args[0], args[1], args[2], Path.of(args[3]), extra, delay);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        new CountDownLatch(1).await();
    }

    static LurewatchApp start(String bootstrapServers, String topicPrefix, String applicationId, Path stateDir) {
        return start(bootstrapServers, topicPrefix, applicationId, stateDir, Map.of(), SCORING_DELAY_MILLIS);
    }

    static LurewatchApp start(String bootstrapServers, String topicPrefix, String applicationId, Path stateDir,
                              Map<String, String> extra, long scoringDelayMillis) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "application.id", applicationId,
                "processing.guarantee", "exactly_once_v2",
                // A killed member must leave the group quickly for the test to finish in seconds.
                "kafka.consumer.session.timeout.ms", "6000",
                "kafka.consumer.heartbeat.interval.ms", "1000"));
        settings.putAll(extra);
        LurewatchConfig config = ConfigLoader.load(Optional.empty(), Map.of(), settings);
        return LurewatchApp.start(config, bootstrapServers, Topics.defaults().withPrefix(topicPrefix),
                RoutesLoader.loadBundled(), () -> new SlowAssessor(scoringDelayMillis), PipelineEvents.NONE, stateDir);
    }

    private static final class SlowAssessor implements Assessor {
        private final KeywordAssessor delegate = new KeywordAssessor();
        private final long delayMillis;

        SlowAssessor(long delayMillis) {
            this.delayMillis = delayMillis;
        }

        @Override
        public Assessment assess(Post post) {
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.assess(post);
        }

        @Override
        public String modelVersion() {
            return delegate.modelVersion();
        }
    }
}
