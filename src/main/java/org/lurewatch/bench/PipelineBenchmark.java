package org.lurewatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.lurewatch.alert.Routes;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.app.LurewatchApp;
import org.lurewatch.app.LurewatchRuntime.Scorer;
import org.lurewatch.app.StreamsSettings;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.KafkaBroker;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.PipelineEvents;

/**
 * Measures, in one run on one broker, the full pipeline's throughput next to a passthrough topology's (same
 * input records, same partitions, same processing guarantee), and post-to-alert latency at a fixed rate.
 * Rounds alternate passthrough and pipeline so that JIT warm-up and machine noise hit both alike.
 */
public final class PipelineBenchmark {
    private final LurewatchConfig config;
    private final Scorer scorer;
    private final Consumer<String> progress;

    public PipelineBenchmark(LurewatchConfig config, Scorer scorer, Consumer<String> progress) {
        this.config = config;
        this.scorer = scorer;
        this.progress = progress;
    }

    public BenchResult run(KafkaBroker broker, Options options) throws Exception {
        Routes routes = RoutesLoader.loadBundled();
        String bootstrap = broker.bootstrapServers();
        BenchPosts posts = new BenchPosts(options.postBytes());
        // Every round reads the same input topics and writes to output topics of its own, so a round's clock
        // never sees an earlier round's records.
        progress.accept("producing " + options.posts() + " posts of ~" + options.postBytes() + " bytes ...");
        createTopics(bootstrap, roundTopics(0), routes, options.partitions(), null);
        produce(bootstrap, roundTopics(0).social(), options.posts(), posts, 0);

        List<BenchResult.Round> rounds = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            Topics topics = roundTopics(round);
            String passthroughOut = "r" + round + ".passthrough";
            createTopics(bootstrap, topics, routes, options.partitions(), passthroughOut, true);
            double passthrough = passthrough(bootstrap, topics.social(), passthroughOut, options, round);
            double pipeline = pipeline(bootstrap, topics, routes, options, round);
            BenchResult.Round result = new BenchResult.Round(round, passthrough, pipeline, pipeline / passthrough);
            progress.accept(String.format("round %d: passthrough %.0f posts/s, pipeline %.0f posts/s, ratio %.3f",
                    round, passthrough, pipeline, result.ratio()));
            rounds.add(result);
        }
        BenchResult.Latency latency = latency(bootstrap, routes, posts, options);
        return new BenchResult(Instant.now().toString(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), config.processingGuarantee(), options.posts(),
                options.postBytes(), options.partitions(), rounds,
                median(rounds.stream().map(BenchResult.Round::passthroughPerSecond).toList()),
                median(rounds.stream().map(BenchResult.Round::pipelinePerSecond).toList()),
                median(rounds.stream().map(BenchResult.Round::ratio).toList()), latency);
    }

    private double passthrough(String bootstrap, String input, String output, Options options, int round)
            throws Exception {
        Properties props = StreamsSettings.of(config.withApplicationId("bench-passthrough-" + round), bootstrap,
                Topics.defaults(), Files.createTempDirectory("bench-pt"));
        try (OutputClock clock = new OutputClock(bootstrap, Pattern.compile(Pattern.quote(output)), "bench-pt-clock-" + round);
             KafkaStreams streams = new KafkaStreams(PassthroughTopology.build(input, output), props)) {
            streams.start();
            OutputClock.Span span = clock.awaitCount(options.posts(), options.timeout());
            streams.close(Duration.ofSeconds(30));
            return checkComplete(span, options.posts(), "passthrough").perSecond();
        }
    }

    private double pipeline(String bootstrap, Topics topics, Routes routes, Options options, int round) throws Exception {
        try (OutputClock clock = new OutputClock(bootstrap, Pattern.compile(Pattern.quote(topics.scored())), "bench-pl-clock-" + round);
             LurewatchApp app = LurewatchApp.start(config.withApplicationId("bench-pipeline-" + round), bootstrap, topics,
                     routes, scorer.assessors(), PipelineEvents.NONE, Files.createTempDirectory("bench-pl"))) {
            OutputClock.Span span = clock.awaitCount(options.posts(), options.timeout());
            return checkComplete(span, options.posts(), "pipeline").perSecond();
        }
    }

    private BenchResult.Latency latency(String bootstrap, Routes routes, BenchPosts posts, Options options) throws Exception {
        Topics topics = prefixed("lat.");
        createTopics(bootstrap, topics, routes, options.partitions(), null);
        progress.accept(String.format("latency: %d posts/s for %d s ...", options.rate(), options.latencySeconds()));
        try (OutputClock clock = new OutputClock(bootstrap, Pattern.compile("lat\\.alerts\\..+"), "bench-lat-clock");
             LurewatchApp app = LurewatchApp.start(config.withApplicationId("bench-latency"), bootstrap, topics, routes,
                     scorer.assessors(), PipelineEvents.NONE, Files.createTempDirectory("bench-lat"))) {
            awaitRunning(app, options.timeout());
            // Warm up the path end to end before timing it.
            produce(bootstrap, topics.social(), 200, posts, 10_000_000);
            clock.latencies(Duration.ofSeconds(3));
            int total = options.rate() * options.latencySeconds();
            Thread producer = new Thread(() -> producePaced(bootstrap, topics.social(), total, options.rate(), posts),
                    "bench-paced-producer");
            producer.start();
            List<Long> latencies = clock.latencies(Duration.ofSeconds(5));
            producer.join();
            Collections.sort(latencies);
            return new BenchResult.Latency(options.rate(), options.latencySeconds(), total, latencies.size(),
                    percentile(latencies, 0.50), percentile(latencies, 0.99),
                    latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
        }
    }

    private static void awaitRunning(LurewatchApp app, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (app.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pipeline did not reach RUNNING within " + timeout);
            }
            Thread.sleep(50);
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
    private static void produce(String bootstrap, String topic, int count, BenchPosts posts, int idOffset) {
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

    private static void producePaced(String bootstrap, String topic, int count, int rate, BenchPosts posts) {
        byte[][] prepared = new byte[Math.min(count, 5_000)][];
        for (int i = 0; i < prepared.length; i++) {
            prepared[i] = posts.post(20_000_000 + i);
        }
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                producer.send(new ProducerRecord<>(topic, prepared[i % prepared.length]));
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
        names.addAll(topics.alertNames(routes.hotlineIds(), routes.partnerIds()));
        names.addAll(topics.hotlineFeedbackNames(routes.hotlineIds()));
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
                outputs.consoleReads());
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

    private static long percentile(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** What to measure; the defaults fit this 2-core machine in about two minutes. */
    public record Options(int posts, int postBytes, int partitions, int rounds, int rate, int latencySeconds,
                          Duration timeout) {
    }
}
