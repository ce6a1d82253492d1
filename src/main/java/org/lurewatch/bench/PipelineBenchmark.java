package org.lurewatch.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.lurewatch.alert.CampaignAlertEvents;
import org.lurewatch.alert.Routes;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.app.LurewatchApp;
import org.lurewatch.app.LurewatchRuntime.Scorer;
import org.lurewatch.app.StreamsSettings;
import org.lurewatch.assess.Assessor;
import org.lurewatch.ingest.EnvelopeReader;
import org.lurewatch.ingest.ReadResult;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.KafkaBroker;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.PipelineEvents;

/**
 * Measures, in one run on one broker, the full pipeline's throughput next to a passthrough topology's (same
 * input records, same partitions, same processing guarantee and settings), and post-to-output latency at one
 * fixed rate for both: the passthrough's own p50/p99 and the pipeline's per kind of alert. Rounds alternate
 * passthrough and pipeline so that JIT warm-up and machine noise hit both alike; besides throughput, each round
 * records the CPU time every process of the run spent per post, which other load on a shared machine moves less.
 */
public final class PipelineBenchmark {
    private static final String SCORED = "scored_post";
    private final LurewatchConfig config;
    private final Scorer scorer;
    private final Consumer<String> progress;
    private final LongSupplier brokerCpuNanos;

    /**
     * @param brokerCpuNanos CPU time of a broker in another process, so far (0 for a broker in this JVM)
     */
    public PipelineBenchmark(LurewatchConfig config, Scorer scorer, Consumer<String> progress, LongSupplier brokerCpuNanos) {
        this.config = config;
        this.scorer = scorer;
        this.progress = progress;
        this.brokerCpuNanos = brokerCpuNanos;
    }

    public BenchResult run(KafkaBroker broker, Workload workload, Options options) throws Exception {
        Routes routes = RoutesLoader.loadBundled();
        String bootstrap = broker.bootstrapServers();
        // Every round reads the same input topics and writes to output topics of its own, so a round's clock
        // never sees an earlier round's records.
        progress.accept("producing " + options.posts() + " posts (" + workload.name() + " mix) ...");
        createTopics(bootstrap, roundTopics(0), routes, options.partitions(), null);
        produce(bootstrap, roundTopics(0).social(), options.posts(), workload, 0);

        warmUp(workload, options);
        if (options.warmupSeconds() > 0) {
            // An untimed pipeline pass too: the JIT has Streams, the producer and the campaign steps still to compile.
            progress.accept("warm-up round (untimed) ...");
            pipeline(bootstrap, roundTopics(0), routes, options, 0);
        }
        List<BenchResult.Round> rounds = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            Topics topics = roundTopics(round);
            String passthroughOut = "r" + round + ".passthrough";
            createTopics(bootstrap, topics, routes, options.partitions(), passthroughOut, true);
            OutputClock.Span passthrough = passthrough(bootstrap, topics.social(), passthroughOut, options, round);
            OutputClock.Span pipeline = pipeline(bootstrap, topics, routes, options, round);
            BenchResult.Round result = new BenchResult.Round(round, passthrough.perSecond(), pipeline.perSecond(),
                    pipeline.perSecond() / passthrough.perSecond(), passthrough.cpuMicrosPerRecord(),
                    pipeline.cpuMicrosPerRecord(), passthrough.cpuMicrosPerRecord() / pipeline.cpuMicrosPerRecord(),
                    passthrough.streamThreadMicrosPerRecord(), pipeline.streamThreadMicrosPerRecord(),
                    passthrough.streamThreadMicrosPerRecord() / pipeline.streamThreadMicrosPerRecord());
            progress.accept(String.format("round %d: passthrough %,.0f posts/s, pipeline %,.0f posts/s, ratio %.3f; "
                            + "CPU per post %.0f vs %.0f us (ratio %.3f), stream threads %.0f vs %.0f us (ratio %.3f)",
                    round, result.passthroughPerSecond(), result.pipelinePerSecond(), result.ratio(),
                    result.passthroughCpuMicrosPerPost(), result.pipelineCpuMicrosPerPost(), result.cpuRatio(),
                    result.passthroughThreadMicrosPerPost(), result.pipelineThreadMicrosPerPost(), result.threadRatio()));
            rounds.add(result);
        }
        BenchResult.Latency latency = latency(bootstrap, routes, workload, options);
        return new BenchResult(Instant.now().toString(), mix(workload), machine(), settings(bootstrap, options),
                options.posts(), options.partitions(), rounds,
                median(rounds.stream().map(BenchResult.Round::passthroughPerSecond).toList()),
                median(rounds.stream().map(BenchResult.Round::pipelinePerSecond).toList()),
                median(rounds.stream().map(BenchResult.Round::ratio).toList()),
                median(rounds.stream().map(BenchResult.Round::cpuRatio).toList()),
                median(rounds.stream().map(BenchResult.Round::threadRatio).toList()), latency);
    }

    /**
     * Reads and scores the workload's posts on this thread for a while before anything is timed. On a busy 2-core
     * machine the JIT compiles the scorer's code for a minute or more, and a first round would time the compiler
     * (JFR showed the C2 threads taking 40% of a cold run's CPU), not the pipeline.
     */
    private void warmUp(Workload workload, Options options) {
        if (options.warmupSeconds() <= 0) {
            return;
        }
        progress.accept("warming up the scorer for " + options.warmupSeconds() + " s ...");
        Assessor assessor = scorer.assessors().get();
        EnvelopeReader reader = new EnvelopeReader(config.maxTextChars());
        long deadline = System.nanoTime() + Duration.ofSeconds(options.warmupSeconds()).toNanos();
        for (int i = 0; System.nanoTime() < deadline; i++) {
            if (reader.read(workload.post(i % options.posts())) instanceof ReadResult.Accepted accepted) {
                assessor.assess(accepted.post());
            }
        }
    }

    /** CPU time so far of the stream threads (and the global thread) of the Streams app whose client ids start so. */
    private static long streamThreadNanos(String clientIdPrefix) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(clientIdPrefix) && info.getThreadName().contains("StreamThread")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** CPU time of this JVM and of an out-of-process broker, so far. */
    private long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long own = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
        return own + brokerCpuNanos.getAsLong();
    }

    private OutputClock.Span passthrough(String bootstrap, String input, String output, Options options, int round)
            throws Exception {
        Properties props = StreamsSettings.of(config.withApplicationId("bench-passthrough-" + round), bootstrap,
                Topics.defaults(), Files.createTempDirectory("bench-pt"));
        try (OutputClock clock = new OutputClock(bootstrap, Pattern.compile(Pattern.quote(output)), "bench-pt-clock-" + round);
             KafkaStreams streams = new KafkaStreams(PassthroughTopology.build(input, output), props)) {
            streams.start();
            awaitRunning(streams::state, options.timeout());
            String threads = "bench-passthrough-" + round + "-";
            long start = System.nanoTime();
            long startCpu = cpuNanos();
            long startThreads = streamThreadNanos(threads);
            OutputClock.Span span = clock.awaitCount(options.posts(), options.timeout(), this::cpuNanos,
                    () -> streamThreadNanos(threads));
            streams.close(Duration.ofSeconds(30));
            return checkComplete(span, options.posts(), "passthrough").startingAt(start, startCpu, startThreads);
        }
    }

    /** From the first scored post until every post is scored and every lure is placed in a campaign. */
    private OutputClock.Span pipeline(String bootstrap, Topics topics, Routes routes, Options options, int round)
            throws Exception {
        BenchEvents events = new BenchEvents();
        try (OutputClock clock = new OutputClock(bootstrap, Pattern.compile(Pattern.quote(topics.scored())), "bench-pl-clock-" + round);
             LurewatchApp app = LurewatchApp.start(config.withApplicationId("bench-pipeline-" + round), bootstrap, topics,
                     routes, scorer.assessors(), events, Files.createTempDirectory("bench-pl"))) {
            awaitRunning(app::state, options.timeout());
            String threads = "bench-pipeline-" + round + "-";
            long start = System.nanoTime();
            long startCpu = cpuNanos();
            long startThreads = streamThreadNanos(threads);
            OutputClock.Span span = checkComplete(clock.awaitCount(options.posts(), options.timeout(), this::cpuNanos,
                    () -> streamThreadNanos(threads)), options.posts(), "pipeline").startingAt(start, startCpu, startThreads);
            long deadline = System.nanoTime() + options.timeout().toNanos();
            while (events.placed.get() < events.lures.get() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            if (events.placed.get() < events.lures.get()) {
                throw new IllegalStateException("the campaign step placed " + events.placed.get() + " of "
                        + events.lures.get() + " lures before the timeout");
            }
            return span.endingAt(System.nanoTime(), cpuNanos(), streamThreadNanos(threads));
        }
    }

    private BenchResult.Latency latency(String bootstrap, Routes routes, Workload workload, Options options) throws Exception {
        int total = options.rate() * options.latencySeconds();
        progress.accept(String.format("latency: %,d posts/s for %d s, passthrough then pipeline ...", options.rate(),
                options.latencySeconds()));
        String ptIn = "lat.pt.in";
        String ptOut = "lat.pt.out";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(ptIn, options.partitions(), (short) 1),
                    new NewTopic(ptOut, options.partitions(), (short) 1))).all().get();
        }
        List<Long> passthrough;
        Properties props = StreamsSettings.of(config.withApplicationId("bench-latency-passthrough"), bootstrap,
                Topics.defaults(), Files.createTempDirectory("bench-lat-pt"));
        try (OutputClock clock = new OutputClock(bootstrap, Pattern.compile(Pattern.quote(ptOut)), "bench-lat-pt-clock");
             KafkaStreams streams = new KafkaStreams(PassthroughTopology.build(ptIn, ptOut), props)) {
            streams.start();
            passthrough = timed(clock, bootstrap, ptIn, workload, options, total, record -> "passthrough")
                    .getOrDefault("passthrough", List.of());
        }

        Topics topics = prefixed("lat.");
        createTopics(bootstrap, topics, routes, options.partitions(), null);
        Duration window = Duration.ofSeconds(options.updateWindowSeconds());
        HeapSampler heap = new HeapSampler();
        Map<String, List<Long>> pipeline;
        try (OutputClock clock = new OutputClock(bootstrap, Pattern.compile("lat\\.alerts\\..+|" + Pattern.quote(topics.scored())),
                "bench-lat-clock");
             LurewatchApp app = LurewatchApp.start(config.withApplicationId("bench-latency").withAlertUpdateWindow(window),
                     bootstrap, topics, routes, scorer.assessors(), PipelineEvents.NONE,
                     Files.createTempDirectory("bench-lat"))) {
            awaitRunning(app::state, options.timeout());
            heap.start();
            pipeline = timed(clock, bootstrap, topics.social(), workload, options, total,
                    record -> kind(record, topics.scored()));
            heap.stop();
        }
        Map<String, BenchResult.Percentiles> byKind = new LinkedHashMap<>();
        pipeline.forEach((kind, values) -> byKind.put(kind, BenchResult.Percentiles.of(values)));
        return new BenchResult.Latency(options.rate(), options.latencySeconds(), window.toSeconds(),
                BenchResult.Percentiles.of(passthrough), byKind, heap.result());
    }

    /** Warms the path up end to end, then feeds {@code total} posts at the rate and times what comes out. */
    private static Map<String, List<Long>> timed(OutputClock clock, String bootstrap, String input, Workload workload,
                                                 Options options, int total,
                                                 java.util.function.Function<ConsumerRecord<byte[], byte[]>, String> kind)
            throws InterruptedException {
        produce(bootstrap, input, Math.min(200, total), workload, 10_000_000);
        clock.latencies(Duration.ofSeconds(3), record -> null);
        Thread producer = new Thread(() -> producePaced(bootstrap, input, total, options.rate(), workload),
                "bench-paced-producer");
        producer.start();
        Map<String, List<Long>> latencies = clock.latencies(Duration.ofSeconds(5), kind);
        producer.join();
        return latencies;
    }

    /** The kind of a pipeline output, by topic and CloudEvents type. */
    static String kind(ConsumerRecord<byte[], byte[]> record, String scoredTopic) {
        if (record.topic().equals(scoredTopic)) {
            return SCORED;
        }
        if (record.topic().contains("alerts.partner.")) {
            return "partner_review";
        }
        String json = new String(record.value(), StandardCharsets.UTF_8);
        if (json.contains("\"type\":\"org.lurewatch.alert.distress.v1\"")) {
            return "distress";
        }
        if (json.contains("\"type\":\"" + CampaignAlertEvents.UPDATE_TYPE + "\"")) {
            return "campaign_update";
        }
        return "campaign_first_alert";
    }

    /** Waits until the topology runs: its partitions are assigned and it starts processing. */
    private static void awaitRunning(java.util.function.Supplier<KafkaStreams.State> state, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (state.get() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the topology did not reach RUNNING within " + timeout);
            }
            Thread.sleep(5);
        }
    }

    private static OutputClock.Span checkComplete(OutputClock.Span span, long expected, String what) {
        if (span.count() < expected) {
            throw new IllegalStateException(what + " produced " + span.count() + " of " + expected
                    + " records before the timeout; raise --timeout or lower --posts");
        }
        return span;
    }

    /**
     * Sends {@code count} posts and checks every send: records the broker refused (it answered an overloaded
     * moment with OutOfOrderSequenceException in some runs here) are sent again, so every round times the same
     * input.
     */
    private static void produce(String bootstrap, String topic, int count, Workload posts, int idOffset) {
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(i);
        }
        for (int attempt = 1; attempt <= 5 && !pending.isEmpty(); attempt++) {
            List<Integer> failed = java.util.Collections.synchronizedList(new ArrayList<>());
            try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
                for (int i : pending) {
                    producer.send(new ProducerRecord<>(topic, posts.post(idOffset + i)), (metadata, error) -> {
                        if (error != null) {
                            failed.add(i);
                        }
                    });
                }
                producer.flush();
            }
            pending = new ArrayList<>(failed);
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException(pending.size() + " benchmark posts could not be written to " + topic);
        }
    }

    /** Sends {@code count} posts, each at its time: post i at i / rate seconds after the start. */
    private static void producePaced(String bootstrap, String topic, int count, int rate, Workload posts) {
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                producer.send(new ProducerRecord<>(topic, posts.post(20_000_000 + i)));
            }
            producer.flush();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void createTopics(String bootstrap, Topics topics, Routes routes, int partitions, String extra)
            throws Exception {
        createTopics(bootstrap, topics, routes, partitions, extra, false);
    }

    private static void createTopics(String bootstrap, Topics topics, Routes routes, int partitions, String extra,
                                     boolean outputsOnly) throws Exception {
        List<String> names = new ArrayList<>(topics.fixedNames());
        if (outputsOnly) {
            names.removeAll(topics.inputNames());
        }
        names.addAll(topics.routeNames(routes.hotlineIds(), routes.partnerIds()));
        if (outputsOnly) {
            // The partner flag topics are inputs too, shared by the rounds.
            routes.partnerIds().forEach(id -> names.remove(topics.partnerFlags(id)));
        }
        if (extra != null) {
            names.add(extra);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(names.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList()).all().get();
        }
    }

    /** Round 0 names the shared inputs; round n its own outputs next to those inputs. */
    private static Topics roundTopics(int round) {
        Topics inputs = prefixed("in.");
        Topics outputs = prefixed("r" + round + ".");
        return new Topics(inputs.jobAds(), inputs.social(), inputs.partnerFlags(), outputs.deadLetter(),
                outputs.scored(), outputs.campaigns(), outputs.feedback(), outputs.watchlist(),
                outputs.hotlineAlertPrefix(), outputs.partnerAlertPrefix(), outputs.campaignCommands(), outputs.labelled(),
                outputs.consoleReads(), outputs.signals(), outputs.webhookDeadLetter(),
                outputs.modelsShadow());
    }

    private static Topics prefixed(String prefix) {
        return Topics.defaults().withPrefix(prefix);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private Map<String, Object> mix(Workload workload) {
        Map<String, Object> mix = new LinkedHashMap<>();
        mix.put("name", workload.name());
        mix.putAll(workload.describe());
        return mix;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("java", System.getProperty("java.version"));
        machine.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        machine.put("jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("load_average_at_start", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return machine;
    }

    private Map<String, Object> settings(String bootstrap, Options options) {
        Properties props = StreamsSettings.of(config, bootstrap, Topics.defaults(), Path.of("state"));
        Map<String, Object> settings = new TreeMap<>();
        props.forEach((key, value) -> {
            if (!key.toString().contains("handler") && !key.toString().equals(StreamsConfig.STATE_DIR_CONFIG)) {
                settings.put(key.toString(), value.toString());
            }
        });
        settings.put("broker", options.broker());
        settings.put("partitions", options.partitions());
        return settings;
    }

    /** Samples this JVM's heap while running. */
    private static final class HeapSampler {
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile long peakUsed;
        private volatile long peakAfterGc;
        private Thread thread;

        void start() {
            running.set(true);
            thread = new Thread(() -> {
                while (running.get()) {
                    peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    long afterGc = 0;
                    for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                        if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                            afterGc += pool.getCollectionUsage().getUsed();
                        }
                    }
                    peakAfterGc = Math.max(peakAfterGc, afterGc);
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
                }
            }, "bench-heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        BenchResult.Heap result() {
            return new BenchResult.Heap(Runtime.getRuntime().maxMemory() >> 20, peakUsed >> 20, peakAfterGc >> 20);
        }
    }

    /** Counts, for the pipeline's throughput, the lures scored and the lures the campaign step has placed. */
    private static final class BenchEvents implements PipelineEvents {
        final AtomicLong lures = new AtomicLong();
        final AtomicLong placed = new AtomicLong();

        @Override
        public void assessed(String category, String band, long scoringNanos) {
            if (category.equals("lure")) {
                lures.incrementAndGet();
            }
        }

        @Override
        public void postPlaced() {
            placed.incrementAndGet();
        }
    }

    /**
     * What to measure; the defaults fit this 2-core machine in a few minutes.
     *
     * @param updateWindowSeconds the campaign update window during the latency run, so that updates happen in it
     * @param broker              {@code child} (its own JVM, its log in a file) or {@code embedded} (this JVM)
     * @param warmupSeconds       how long the scorer runs untimed first, so that the rounds do not time the JIT
     */
    public record Options(int posts, int partitions, int rounds, int rate, int latencySeconds, long updateWindowSeconds,
                          Duration timeout, String broker, int warmupSeconds) {
    }
}
