package org.lurewatch.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.lurewatch.campaign.CampaignTopology;
import org.lurewatch.alert.AlertTopology;
import org.lurewatch.alert.Routes;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.assess.Assessor;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.Topics;
import org.lurewatch.kafka.TopicReport;
import org.lurewatch.ops.Destination;
import org.lurewatch.ops.KnownTags;
import org.lurewatch.ops.LifecycleLog;
import org.lurewatch.ops.LurewatchMetrics;
import org.lurewatch.ops.OpsHttpServer;
import org.lurewatch.ops.PipelineEvents;
import org.lurewatch.ops.Readiness;

/**
 * Everything one instance runs, in start order: routes checked, model loaded, topics created, metrics and the
 * HTTP endpoints up, then Kafka Streams. {@code demo} and {@code run} differ only in where the broker is.
 */
public final class LurewatchRuntime implements AutoCloseable {
    private final LifecycleLog lifecycle = LifecycleLog.create();
    private final LurewatchMetrics metrics;
    private final OpsHttpServer http;
    private final LurewatchApp app;
    private final TopicReport topicReport;

    private LurewatchRuntime(LurewatchConfig config, String bootstrapServers, Scorer scorer, PipelineEvents extra) {
        Routes routes = config.routesFile().map(RoutesLoader::load).orElseGet(RoutesLoader::loadBundled);
        Topics topics = Topics.defaults();
        List<Destination> destinations = new ArrayList<>();
        routes.hotlineIds().forEach(id -> destinations.add(Destination.hotline(topics.hotlineAlerts(id))));
        routes.partnerIds().forEach(id -> destinations.add(Destination.partner(topics.partnerAlerts(id))));
        metrics = LurewatchMetrics.create(KnownTags.defaults().withDestinations(destinations)
                .withAlertTypes(AlertTopology.ALERT_TYPES).withSuppressionReasons(AlertTopology.SUPPRESSION_REASONS));
        metrics.modelVersion(scorer.modelVersion());
        topicReport = TopicSetup.ensure(bootstrapServers, routes, config.topicReplicationFactor(), config.kafkaOverrides());
        lifecycle.topicsCreated(topicReport.created(), topicReport.unchanged().size());
        LurewatchApp[] started = new LurewatchApp[1];
        http = OpsHttpServer.start(config.httpPort(), metrics,
                Readiness.of(() -> started[0] == null ? null : started[0].state(), () -> true));
        app = LurewatchApp.start(config, bootstrapServers, topics, routes, scorer.assessors(),
                PipelineEvents.all(new MetricsEvents(metrics), extra), stateDir(config));
        started[0] = app;
        metrics.bindKafkaStreams(app.streams());
        metrics.campaignCount(() -> app.streams().store(StoreQueryParameters.fromNameAndType(
                CampaignTopology.CAMPAIGN_STORE, QueryableStoreTypes.keyValueStore())).approximateNumEntries());
    }

    /** Starts everything against {@code bootstrapServers}; {@code extra} also hears every pipeline event. */
    public static LurewatchRuntime start(LurewatchConfig config, String bootstrapServers, Scorer scorer,
                                         PipelineEvents extra) {
        return new LurewatchRuntime(config, bootstrapServers, scorer, extra);
    }

    public TopicReport topicReport() {
        return topicReport;
    }

    public OpsHttpServer http() {
        return http;
    }

    public KafkaStreams.State state() {
        return app.state();
    }

    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (app.state() == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (app.state() == KafkaStreams.State.ERROR || app.state() == KafkaStreams.State.NOT_RUNNING) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Override
    public void close() {
        long start = System.nanoTime();
        lifecycle.stopping("shutdown");
        app.close();
        http.close();
        metrics.close();
        lifecycle.stopped(Duration.ofNanos(System.nanoTime() - start));
    }

    private static Path stateDir(LurewatchConfig config) {
        if (config.stateDir().isPresent()) {
            return config.stateDir().get();
        }
        try {
            return Files.createTempDirectory("lurewatch-state");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory; set state.dir", e);
        }
    }

    /** The scoring side as the runtime needs it: a fresh assessor per stream processor, and the model version. */
    public interface Scorer {
        Supplier<Assessor> assessors();

        String modelVersion();
    }
}
