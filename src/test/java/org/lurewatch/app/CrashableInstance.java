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
 * Arguments: bootstrap servers, topic prefix, application id, state directory. Scoring is the predictable
 * {@link KeywordAssessor}, slowed down so that a test can kill the instance in the middle of a feed.
 */
public final class CrashableInstance {
    /** Per-post scoring delay, so a few hundred posts take seconds, not milliseconds. */
    static final long SCORING_DELAY_MILLIS = 5;

    private CrashableInstance() {
    }

    public static void main(String[] args) throws InterruptedException {
        LurewatchApp app = start(args[0], args[1], args[2], Path.of(args[3]));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        new CountDownLatch(1).await();
    }

    static LurewatchApp start(String bootstrapServers, String topicPrefix, String applicationId, Path stateDir) {
        LurewatchConfig config = ConfigLoader.load(Optional.empty(), Map.of(), Map.of(
                "application.id", applicationId,
                "processing.guarantee", "exactly_once_v2",
                // A killed member must leave the group quickly for the test to finish in seconds.
                "kafka.consumer.session.timeout.ms", "6000",
                "kafka.consumer.heartbeat.interval.ms", "1000"));
        return LurewatchApp.start(config, bootstrapServers, Topics.defaults().withPrefix(topicPrefix),
                RoutesLoader.loadBundled(), SlowAssessor::new, PipelineEvents.NONE, stateDir);
    }

    private static final class SlowAssessor implements Assessor {
        private final KeywordAssessor delegate = new KeywordAssessor();

        @Override
        public Assessment assess(Post post) {
            try {
                Thread.sleep(SCORING_DELAY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delegate.assess(post);
        }

        @Override
        public String modelVersion() {
            return delegate.modelVersion();
        }
    }
}
