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
import org.lurewatch.access.Access;
import org.lurewatch.assess.Assessor;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.delivery.WebhookDelivery;
import org.lurewatch.kafka.Topics;
import org.lurewatch.kafka.TopicReport;
import org.lurewatch.ops.Destination;
import org.lurewatch.ops.KnownTags;
import org.lurewatch.ops.LifecycleLog;
import org.lurewatch.ops.LurewatchMetrics;
import org.lurewatch.ops.PipelineEvents;
import org.lurewatch.ops.Readiness;
import org.lurewatch.ops.ReadinessCheck;
import org.lurewatch.partner.PartnerApi;
import org.lurewatch.web.OpsModule;
import org.lurewatch.web.WebContext;
import org.lurewatch.web.WebModule;
import org.lurewatch.web.WebServer;
import org.lurewatch.web.WebSettings;

/**
 * Everything one instance runs, in start order: the HTTP port bound (by the command, before any broker), routes
 * checked, model loaded, topics created, metrics up, Kafka Streams started, the partner API's readers and webhook
 * delivery started, then the HTTP server answering with the ops endpoints, the partner API and the command's web
 * modules. {@code demo} and {@code run} differ only in where the broker is and
 * how the port is chosen.
 */
public final class LurewatchRuntime implements AutoCloseable {
    private final LifecycleLog lifecycle = LifecycleLog.create();
    private final LurewatchMetrics metrics;
    private final WebServer web;
    private final Access access;
    private final LurewatchApp app;
    private final PartnerApi partnerApi;
    private final WebhookDelivery webhooks;
    private final TopicReport topicReport;
    private final Scorer scorer;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private LurewatchRuntime(LurewatchConfig config, String bootstrapServers, Scorer scorer, PipelineEvents extra,
                             WebServer web, List<WebModule.Factory> modules) {
        this.web = web;
        Routes routes = config.routesFile().map(RoutesLoader::load).orElseGet(RoutesLoader::loadBundled);
        Topics topics = Topics.defaults();
        List<Destination> destinations = new ArrayList<>();
        routes.hotlineIds().forEach(id -> destinations.add(Destination.hotline(topics.hotlineAlerts(id))));
        routes.partnerIds().forEach(id -> destinations.add(Destination.partner(topics.partnerAlerts(id))));
        metrics = LurewatchMetrics.create(KnownTags.defaults().withDestinations(destinations)
                .withAlertTypes(AlertTopology.ALERT_TYPES).withSuppressionReasons(AlertTopology.SUPPRESSION_REASONS));
        metrics.modelVersion(scorer.modelVersion());
        scorer.attach(bootstrapServers, config.kafkaClientSettings(), metrics);
        this.scorer = scorer;
        topicReport = config.cluster().createTopics()
                ? TopicSetup.ensure(bootstrapServers, routes, config.topicReplicationFactor(), config.kafkaClientSettings())
                : TopicSetup.requireExisting(bootstrapServers, routes, config.kafkaClientSettings());
        lifecycle.topicsCreated(topicReport.created(), topicReport.unchanged().size());
        access = Access.open(config.access(), routes);
        app = LurewatchApp.start(config, bootstrapServers, topics, routes, scorer.assessors(),
                PipelineEvents.all(new MetricsEvents(metrics), extra), stateDir(config));
        metrics.bindKafkaStreams(app.streams());
        metrics.campaignCount(() -> app.streams().store(StoreQueryParameters.fromNameAndType(
                CampaignTopology.CAMPAIGN_STORE, QueryableStoreTypes.keyValueStore())).approximateNumEntries());
        PartnerApi partners = null;
        WebhookDelivery delivery = null;
        try {
            partners = PartnerApi.start(config, bootstrapServers, topics, routes, access, metrics);
            delivery = config.webhooks().enabled()
                    ? WebhookDelivery.start(config, bootstrapServers, topics, access.webhooks(), metrics.webhooks()) : null;
            List<WebModule> all = new ArrayList<>();
            all.add(new OpsModule(metrics, Readiness.of(app::state, scorer::readiness)));
            all.add(partners.module());
            WebContext context = new WebContext(config, bootstrapServers, topics, access, app.streams(), metrics, web.settings(),
                    routes);
            modules.forEach(factory -> all.add(factory.create(context)));
            web.start(all);
        } catch (RuntimeException e) {
            closeAfter(e, delivery);
            closeAfter(e, partners);
            app.close();
            metrics.close();
            throw e;
        }
        partnerApi = partners;
        webhooks = delivery;
    }

    /** Closes what a failed start had opened; a failure to close travels with the failure that stopped the start. */
    private static void closeAfter(RuntimeException failure, AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Starts everything against {@code bootstrapServers}, serving HTTP as {@code run} does ({@code http.host}, default
     * 0.0.0.0, and {@code http.port}); {@code extra} also hears every pipeline event.
     */
    public static LurewatchRuntime start(LurewatchConfig config, String bootstrapServers, Scorer scorer,
                                         PipelineEvents extra) {
        WebServer web = WebServer.bind(WebSettings.forRun(config), LifecycleLog.create());
        return start(config, bootstrapServers, scorer, extra, web, List.of());
    }

    /**
     * Starts everything on an HTTP server the caller bound first ({@link WebServer#bind}, before any broker), with the
     * ops endpoints and the modules the factories build. The runtime owns {@code web} from here: it closes it, also
     * when the start fails.
     */
    public static LurewatchRuntime start(LurewatchConfig config, String bootstrapServers, Scorer scorer,
                                         PipelineEvents extra, WebServer web, List<WebModule.Factory> modules) {
        try {
            return new LurewatchRuntime(config, bootstrapServers, scorer, extra, web, modules);
        } catch (RuntimeException e) {
            web.close();
            throw e;
        }
    }

    public TopicReport topicReport() {
        return topicReport;
    }

    /** The HTTP server: its {@link WebServer#baseUri()} is where the console, APIs and ops endpoints answer. */
    public WebServer web() {
        return web;
    }

    /** Identities, accounts, API keys, sessions and the audit log of this instance. */
    public Access access() {
        return access;
    }

    public KafkaStreams.State state() {
        return app.state();
    }

    /** Completes when Kafka Streams failed for good (see {@link LurewatchApp#failed()}). */
    public java.util.concurrent.CompletableFuture<KafkaStreams.State> failed() {
        return app.failed();
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
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long start = System.nanoTime();
        lifecycle.stopping("shutdown");
        web.close();
        if (webhooks != null) {
            webhooks.close();
        }
        partnerApi.close();
        app.close();
        scorer.close();
        access.close();
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

        /** What {@code /readyz} says of the model; a scorer exists only once its model is loaded. */
        default ReadinessCheck readiness() {
            return ReadinessCheck.ok("model", "live " + modelVersion());
        }

        /** Called once the runtime has its broker and metrics, before streams start. */
        default void attach(String bootstrapServers, java.util.Map<String, String> kafkaOverrides, LurewatchMetrics metrics) {
        }

        /** Stops whatever the scorer runs beside the streams (a registry poller). */
        default void close() {
        }
    }
}
