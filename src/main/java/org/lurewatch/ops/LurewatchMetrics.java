package org.lurewatch.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.LoggerFactory;

/**
 * Every metric Lurewatch publishes, behind methods named for what happened.
 *
 * <p>One instance per process; it owns the {@link PrometheusMeterRegistry} that {@code /metrics}
 * scrapes. All methods are thread-safe: stream threads call them concurrently. Counters for the
 * tag values in {@link KnownTags} are registered at construction so their series exist (at 0)
 * before the first event; other values are admitted through a {@link TagValueGuard} so that
 * input cannot create unbounded series.
 */
public final class LurewatchMetrics implements AutoCloseable {
    /** How many values beyond the known ones a tag may take before the rest count as "other". */
    private static final int MAX_UNKNOWN_TAG_VALUES = 50;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> closeableBinders;
    private final KafkaStreamsBinding streams;
    private final WebhookMetrics webhooks;
    private final PartnerApiMetrics partnerApi;

    private final TagValueGuard sources;
    private final TagValueGuard kinds;
    private final TagValueGuard categories;
    private final TagValueGuard bands;
    private final TagValueGuard deadLetterReasons;
    private final TagValueGuard destinations;
    private final TagValueGuard alertTypes;
    private final TagValueGuard suppressionReasons;

    private final Map<List<String>, Counter> ingested = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> assessed = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> sent = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> suppressed = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Counter> threadFailures = new ConcurrentHashMap<>();

    private final Timer scoringLatency;
    private final Timer alertLatency;
    private final AtomicReference<Supplier<? extends Number>> campaignCount = new AtomicReference<>();
    private Gauge modelInfo;
    private final Counter modelRejections;
    private final Counter shadowScored;
    private final Map<List<String>, Counter> shadowDisagreements = new ConcurrentHashMap<>();

    private LurewatchMetrics(KnownTags known) {
        Objects.requireNonNull(known, "known");
        closeableBinders = bindJvmMetrics(registry);
        streams = new KafkaStreamsBinding(registry);
        webhooks = new WebhookMetrics(registry);
        partnerApi = new PartnerApiMetrics(registry);

        sources = new TagValueGuard(known.sources(), MAX_UNKNOWN_TAG_VALUES);
        kinds = new TagValueGuard(known.kinds(), MAX_UNKNOWN_TAG_VALUES);
        categories = new TagValueGuard(known.categories(), MAX_UNKNOWN_TAG_VALUES);
        bands = new TagValueGuard(known.bands(), MAX_UNKNOWN_TAG_VALUES);
        deadLetterReasons = new TagValueGuard(known.deadLetterReasons(), MAX_UNKNOWN_TAG_VALUES);
        destinations = new TagValueGuard(
                known.destinations().stream().map(Destination::name).collect(Collectors.toSet()),
                MAX_UNKNOWN_TAG_VALUES);
        alertTypes = new TagValueGuard(known.alertTypes(), MAX_UNKNOWN_TAG_VALUES);
        suppressionReasons = new TagValueGuard(known.suppressionReasons(), MAX_UNKNOWN_TAG_VALUES);

        // Percentiles are computed in process (Timer.takeSnapshot() gives p50/p95/p99 to the CLI and
        // benchmarks); the Prometheus registry publishes the histogram instead, because buckets can be
        // aggregated across instances with histogram_quantile() and client-side quantiles cannot.
        scoringLatency = Timer.builder(MetricNames.SCORING_LATENCY)
                .description("Time to assess one post: normalise, detect language, extract, score")
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        alertLatency = Timer.builder(MetricNames.ALERT_LATENCY)
                .description("End to end: from the post's input record timestamp to its alert being sent")
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        Gauge.builder(MetricNames.CAMPAIGNS, campaignCount, LurewatchMetrics::readSupplied)
                .description("Campaigns currently known (posts correlated by contact, URL or near-identical text)")
                .strongReference(true)
                .register(registry);

        modelRejections = Counter.builder(MetricNames.MODEL_REJECTIONS)
                .description("Models the registry named that the instance refused to load (it kept the one it had)")
                .register(registry);
        shadowScored = Counter.builder(MetricNames.SHADOW_SCORED)
                .description("Posts a shadow candidate model scored beside the live one").register(registry);
        for (String live : known.categories()) {
            for (String candidate : known.categories()) {
                if (!live.equals(candidate)) {
                    shadowDisagreementCounter(live, candidate);
                }
            }
        }

        registerKnownCombinations(known);
        MetricNames.THREAD_FAILURE_ACTIONS.forEach(this::threadFailureCounter);
    }

    /** A stream thread died; {@code action} is {@code replaced} or {@code shutdown} (the instance stopped). */
    public void streamThreadFailed(String action) {
        if (!MetricNames.THREAD_FAILURE_ACTIONS.contains(action)) {
            throw new IllegalArgumentException("unknown thread failure action " + action);
        }
        threadFailureCounter(action).increment();
    }

    private Counter threadFailureCounter(String action) {
        return threadFailures.computeIfAbsent(action, a -> Counter.builder(MetricNames.STREAM_THREAD_FAILURES)
                .description("Stream threads that died on an error, by what followed: replaced, or shutdown once the "
                        + "replacements in the window were used up")
                .tags(MetricNames.TAG_ACTION, a)
                .register(registry));
    }

    /** The registry named a model this instance refused to load. */
    public void modelRejected() {
        modelRejections.increment();
    }

    /** A shadow candidate scored a post; a disagreement on the category is counted per pair of categories. */
    public void shadowScored(String liveCategory, String candidateCategory) {
        shadowScored.increment();
        if (!liveCategory.equals(candidateCategory)) {
            shadowDisagreementCounter(categories.admit(liveCategory), categories.admit(candidateCategory)).increment();
        }
    }

    private Counter shadowDisagreementCounter(String live, String candidate) {
        return shadowDisagreements.computeIfAbsent(List.of(live, candidate), k -> Counter.builder(MetricNames.SHADOW_DISAGREEMENTS)
                .description("Posts on which the shadow candidate's category differs from the live model's")
                .tag(MetricNames.TAG_LIVE, live).tag(MetricNames.TAG_CANDIDATE, candidate).register(registry));
    }

    /** Metrics with the default vocabulary of sources, reasons and types; no destinations yet. */
    public static LurewatchMetrics create() {
        return create(KnownTags.defaults());
    }

    /** Metrics whose counters for {@code known} tag values exist, at 0, from the start. */
    public static LurewatchMetrics create(KnownTags known) {
        return new LurewatchMetrics(known);
    }

    /** A post passed ingest and entered the pipeline. */
    public void postIngested(String source, String kind) {
        ingestedCounter(sources.admit(source), kinds.admit(kind)).increment();
    }

    /** A post was assessed into a category and band. */
    public void assessed(String category, String band) {
        assessedCounter(categories.admit(category), bands.admit(band)).increment();
    }

    /**
     * The timer around one assessment, for {@code scoringTimer().record(() -> assessor.assess(post))}
     * or a {@code Timer.Sample}.
     */
    public Timer scoringTimer() {
        return scoringLatency;
    }

    /** An alert was produced to a hotline's or partner's topic. */
    public void alertSent(DestinationKind destinationKind, String destination, String type) {
        Objects.requireNonNull(destinationKind, "destinationKind");
        sentCounter(destinationKind.tagValue(), destinations.admit(destination), alertTypes.admit(type)).increment();
    }

    /** An alert was held back (for example: this campaign already alerted this hotline in the window). */
    public void alertSuppressed(String destination, String reason) {
        suppressedCounter(destinations.admit(destination), suppressionReasons.admit(reason)).increment();
    }

    /** A record went to the dead-letter topic with this reason code. */
    public void deadLetter(String reason) {
        deadLetterCounter(deadLetterReasons.admit(reason)).increment();
    }

    /**
     * Time from a post entering Lurewatch (its input record's timestamp) to its alert being sent.
     * A negative duration (clocks disagree) counts as zero rather than being lost.
     */
    public void endToEndLatency(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        alertLatency.record(latency.isNegative() ? Duration.ZERO : latency);
    }

    /**
     * The live model: {@code lurewatch_model_info{version="..."} 1}. Calling it again with a new
     * version replaces the series, so exactly one version is live at a time.
     */
    public synchronized void modelVersion(String version) {
        Objects.requireNonNull(version, "version");
        if (modelInfo != null) {
            registry.remove(modelInfo);
        }
        modelInfo = Gauge.builder(MetricNames.MODEL_INFO, () -> 1)
                .description("The model version in use; the value is always 1, the version is the tag")
                .tag(MetricNames.TAG_VERSION, version)
                .register(registry);
    }

    /**
     * Where the campaign gauge reads its value, e.g. the approximate entry count of the campaign
     * store. Until set, and whenever the supplier throws (store not queryable during a
     * rebalance), the gauge reads NaN: unknown, not zero.
     */
    public void campaignCount(Supplier<? extends Number> supplier) {
        campaignCount.set(Objects.requireNonNull(supplier, "supplier"));
    }

    /**
     * Publishes this instance's Kafka client and Streams metrics ({@code kafka_consumer_*},
     * {@code kafka_producer_*}, {@code kafka_stream_*}) and its state as
     * {@code lurewatch_streams_running} and {@code lurewatch_streams_state}. Binding another
     * instance unbinds the previous one. Call it right after constructing KafkaStreams.
     */
    public void bindKafkaStreams(KafkaStreams kafkaStreams) {
        streams.bind(Objects.requireNonNull(kafkaStreams, "kafkaStreams"));
    }

    /** Removes the Kafka client meters and stops reading the instance's state. */
    public void unbindKafkaStreams() {
        streams.unbind();
    }

    /** Per-endpoint webhook delivery meters: sent, failed, retries, retrying, latency, oldest pending. */
    public WebhookMetrics webhooks() {
        return webhooks;
    }

    /** The flag API's and the signal feed's meters. */
    public PartnerApiMetrics partnerApi() {
        return partnerApi;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** The registry, for meters that belong to one component (prefer adding a method here). */
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        streams.close();
        for (AutoCloseable binder : closeableBinders) {
            try {
                binder.close();
            } catch (Exception e) {
                // Closing a JVM binder only removes listeners; a failure must not stop the others closing.
                LoggerFactory.getLogger(LurewatchMetrics.class)
                        .debug("event=metrics_binder_close_failed binder={}", binder.getClass().getSimpleName(), e);
            }
        }
        registry.close();
    }

    private void registerKnownCombinations(KnownTags known) {
        for (String source : known.sources()) {
            for (String kind : known.kinds()) {
                ingestedCounter(TagValueGuard.tidy(source), TagValueGuard.tidy(kind));
            }
        }
        for (String category : known.categories()) {
            for (String band : known.bands()) {
                assessedCounter(TagValueGuard.tidy(category), TagValueGuard.tidy(band));
            }
        }
        known.deadLetterReasons().forEach(reason -> deadLetterCounter(TagValueGuard.tidy(reason)));
        for (Destination destination : known.destinations()) {
            for (String type : known.alertTypes()) {
                sentCounter(destination.kind().tagValue(), TagValueGuard.tidy(destination.name()), TagValueGuard.tidy(type));
            }
            for (String reason : known.suppressionReasons()) {
                suppressedCounter(TagValueGuard.tidy(destination.name()), TagValueGuard.tidy(reason));
            }
        }
    }

    private Counter ingestedCounter(String source, String kind) {
        return ingested.computeIfAbsent(List.of(source, kind), k -> Counter.builder(MetricNames.POSTS_INGESTED)
                .description("Posts that passed ingest, by source platform and kind")
                .tags(MetricNames.TAG_SOURCE, k.get(0), MetricNames.TAG_KIND, k.get(1))
                .register(registry));
    }

    private Counter assessedCounter(String category, String band) {
        return assessed.computeIfAbsent(List.of(category, band), k -> Counter.builder(MetricNames.POSTS_ASSESSED)
                .description("Posts assessed, by category (lure, distress, benign) and band")
                .tags(MetricNames.TAG_CATEGORY, k.get(0), MetricNames.TAG_BAND, k.get(1))
                .register(registry));
    }

    private Counter sentCounter(String destinationKind, String destination, String type) {
        return sent.computeIfAbsent(List.of(destinationKind, destination, type), k -> Counter.builder(MetricNames.ALERTS_SENT)
                .description("Alerts produced, by destination kind (hotline, partner), destination and CloudEvents type")
                .tags(Tags.of(MetricNames.TAG_DESTINATION_KIND, k.get(0), MetricNames.TAG_DESTINATION, k.get(1), MetricNames.TAG_TYPE, k.get(2)))
                .register(registry));
    }

    private Counter suppressedCounter(String destination, String reason) {
        return suppressed.computeIfAbsent(List.of(destination, reason), k -> Counter.builder(MetricNames.ALERTS_SUPPRESSED)
                .description("Alerts held back by suppression, by destination and reason")
                .tags(MetricNames.TAG_DESTINATION, k.get(0), MetricNames.TAG_REASON, k.get(1))
                .register(registry));
    }

    private Counter deadLetterCounter(String reason) {
        return deadLetters.computeIfAbsent(reason, r -> Counter.builder(MetricNames.DEAD_LETTERS)
                .description("Records sent to the dead-letter topic, by reason code")
                .tag(MetricNames.TAG_REASON, r)
                .register(registry));
    }

    /** The supplier's value, or NaN when there is none yet or it throws: unknown, not zero. */
    static double readSupplied(AtomicReference<Supplier<? extends Number>> ref) {
        Supplier<? extends Number> supplier = ref.get();
        if (supplier == null) {
            return Double.NaN;
        }
        try {
            Number value = supplier.get();
            return value == null ? Double.NaN : value.doubleValue();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static List<AutoCloseable> bindJvmMetrics(MeterRegistry registry) {
        JvmGcMetrics gc = new JvmGcMetrics();
        JvmHeapPressureMetrics heapPressure = new JvmHeapPressureMetrics();
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        heapPressure.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        return List.of(gc, heapPressure);
    }
}
