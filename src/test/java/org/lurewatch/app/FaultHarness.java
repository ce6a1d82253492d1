package org.lurewatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.lurewatch.alert.Routes;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.kafka.ChildProcessKafkaBroker;
import org.lurewatch.kafka.CommittedReader;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;

/**
 * The crash-and-restart harness of issue 11: app instances in child JVMs on a child-JVM broker (split KRaft layout,
 * so the broker can crash while its controller lives), a feed replayed at a steady rate, instances killed with
 * {@code kill -9} and restarted on their own state directory and instance id, the broker killed and restarted once,
 * a second instance joining mid-run (a rebalance whose state is restored from changelogs). Afterwards, read with
 * read_committed: every post has exactly one assessment on {@code posts.scored}, every alert id appears once, and
 * every lure has its partner review request.
 *
 * <p>{@code FaultHarnessIT} runs a short version in CI; {@code ./mvnw -Pfaults verify} the long one (100,000 posts,
 * 10 kills), see the README.
 */
final class FaultHarness {
    private static final String PREFIX = "faults.";
    private static final String APPLICATION_ID = "faults";
    private static final Pattern RUNNING = Pattern.compile("to=RUNNING");

    /**
     * @param posts          how many posts to replay (every fifth a lure with its own recruiter handle)
     * @param postsPerSecond replay rate, so that the faults land while posts arrive
     * @param kills          {@code kill -9} of an app instance, alternating between the two
     * @param brokerRestart  whether to kill and restart the broker half-way
     */
    record Settings(int posts, int postsPerSecond, int kills, boolean brokerRestart) {
        Duration replayTime() {
            return Duration.ofMillis(1000L * posts / postsPerSecond);
        }
    }

    /** What was measured; {@link #toJson()} is the harness's report. */
    record Report(Settings settings, int scoredKeys, int scoredDuplicates, int scoredMissing, int alerts,
                  int duplicateAlertIds, int partnerAlerts, int expectedPartnerAlerts, List<Recovery> recoveries,
                  long brokerRestartMillis, long totalMillis, List<String> rocksDbLibrariesInTemp) {
        ObjectNode toJson() {
            ObjectNode json = Json.mapper().createObjectNode();
            json.put("posts", settings.posts()).put("posts_per_second", settings.postsPerSecond())
                    .put("kills", settings.kills()).put("broker_restart", settings.brokerRestart())
                    .put("scored_keys", scoredKeys).put("scored_duplicates", scoredDuplicates)
                    .put("scored_missing", scoredMissing).put("alerts", alerts).put("duplicate_alert_ids", duplicateAlertIds)
                    .put("partner_alerts", partnerAlerts).put("expected_partner_alerts", expectedPartnerAlerts)
                    .put("broker_restart_ms", brokerRestartMillis).put("total_ms", totalMillis)
                    .put("restart_to_running_ms_max", recoveries.stream().mapToLong(Recovery::launchToRunningMillis).max().orElse(0))
                    .put("streams_start_to_running_ms_max", recoveries.stream().mapToLong(Recovery::streamsToRunningMillis).max().orElse(0))
                    .put("rocksdb_libraries_in_temp", rocksDbLibrariesInTemp.size());
            recoveries.forEach(r -> json.withArray("restart_to_running_ms").add(r.launchToRunningMillis()));
            recoveries.forEach(r -> json.withArray("streams_start_to_running_ms").add(r.streamsToRunningMillis()));
            return json;
        }
    }

    /**
     * One restart after a {@code kill -9}.
     *
     * @param launchToRunningMillis  from launching the new JVM to its Kafka Streams RUNNING (JVM boot included)
     * @param streamsToRunningMillis from its {@code event=streams_starting} to RUNNING: joining the group, fencing the
     *                               dead instance's transaction, restoring state
     */
    record Recovery(long launchToRunningMillis, long streamsToRunningMillis) {
    }

    private final Settings settings;
    private final Path work;
    private final Topics topics = Topics.defaults().withPrefix(PREFIX);
    private final Routes routes = RoutesLoader.loadBundled();

    FaultHarness(Settings settings, Path work) {
        this.settings = settings;
        this.work = work;
    }

    Report run() throws Exception {
        long start = System.nanoTime();
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        try (ChildProcessKafkaBroker broker = ChildProcessKafkaBroker.builder().dataDir(work.resolve("kafka")).start()) {
            createTopics(broker.bootstrapServers());
            Instance a = new Instance("a", broker.bootstrapServers(), tmp);
            Instance b = new Instance("b", broker.bootstrapServers(), tmp);
            List<Recovery> recoveries = Collections.synchronizedList(new ArrayList<>());
            long brokerRestartMillis = 0;
            try {
                a.start();
                a.awaitRunning(Duration.ofSeconds(120));
                Replay replay = new Replay(broker.bootstrapServers());
                replay.start();
                // The faults, spread over the replay: b joins (rebalance, state restored from changelogs), then the
                // kills alternate between the instances, with the broker crash half-way.
                int steps = settings.kills() + 2;
                long pause = settings.replayTime().toMillis() / steps;
                sleep(pause);
                b.start();
                b.awaitRunning(Duration.ofSeconds(120));
                for (int kill = 0; kill < settings.kills(); kill++) {
                    sleep(pause);
                    if (settings.brokerRestart() && kill == settings.kills() / 2) {
                        long down = System.nanoTime();
                        broker.kill();
                        broker.restart();
                        brokerRestartMillis = Duration.ofNanos(System.nanoTime() - down).toMillis();
                    }
                    Instance victim = kill % 2 == 0 ? a : b;
                    victim.kill();
                    recoveries.add(victim.restartAndMeasure(Duration.ofSeconds(120)));
                }
                replay.join();
                replay.throwIfFailed();
                return verify(broker.bootstrapServers(), recoveries, brokerRestartMillis,
                        Duration.ofNanos(System.nanoTime() - start).toMillis(), tmp);
            } finally {
                a.stop();
                b.stop();
            }
        }
    }

    private Report verify(String bootstrap, List<Recovery> recoveries, long brokerRestartMillis, long elapsedMillis, Path tmp)
            throws Exception {
        int lures = (int) Stream.iterate(0, i -> i + 1).limit(settings.posts()).filter(FaultHarness::isLure).count();
        Map<String, Integer> scored = new HashMap<>();
        Map<String, Integer> alertIds = new HashMap<>();
        AtomicInteger partnerAlerts = new AtomicInteger();
        Pattern outputs = Pattern.compile(Pattern.quote(topics.scored()) + "|" + Pattern.quote(topics.hotlineAlertPrefix())
                + ".+|" + Pattern.quote(topics.partnerAlertPrefix()) + ".+");
        try (KafkaConsumer<byte[], byte[]> reader = CommittedReader.subscribe(bootstrap, "faults-verifier", outputs, Map.of())) {
            long quietSince = System.nanoTime();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            // Until everything is scored and nothing more has come for a while (a doubled record would come late).
            while (System.nanoTime() < deadline) {
                int before = scored.size() + alertIds.size();
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(500))) {
                    if (record.topic().equals(topics.scored())) {
                        scored.merge(new String(record.key(), StandardCharsets.UTF_8), 1, Integer::sum);
                    } else {
                        JsonNode event = Json.mapper().readTree(record.value());
                        alertIds.merge(event.get("id").asText(), 1, Integer::sum);
                        if (record.topic().startsWith(topics.partnerAlertPrefix())) {
                            partnerAlerts.incrementAndGet();
                        }
                    }
                }
                if (scored.size() + alertIds.size() != before) {
                    quietSince = System.nanoTime();
                } else if (scored.size() >= settings.posts() && System.nanoTime() - quietSince > Duration.ofSeconds(10).toNanos()) {
                    break;
                }
            }
        }
        int duplicates = (int) scored.values().stream().filter(count -> count > 1).count();
        int missing = (int) Stream.iterate(0, i -> i + 1).limit(settings.posts())
                .filter(i -> !scored.containsKey(postKey(i))).count();
        int duplicateIds = (int) alertIds.values().stream().filter(count -> count > 1).count();
        List<String> libraries;
        try (Stream<Path> files = Files.list(tmp)) {
            libraries = files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("librocksdbjni")).toList();
        }
        return new Report(settings, scored.size(), duplicates, missing, alertIds.values().stream().mapToInt(Integer::intValue).sum(),
                duplicateIds, partnerAlerts.get(), lures, List.copyOf(recoveries), brokerRestartMillis, elapsedMillis, libraries);
    }

    /** The time of day a child's log line starts with ({@code 14:51:45.916 [main] INFO ...}). */
    private static LocalTime timeOf(String line) {
        return LocalTime.parse(line.substring(0, line.indexOf(' ')));
    }

    static boolean isLure(int i) {
        return i % 5 == 0;
    }

    static String postKey(int i) {
        return "facebook:f" + i;
    }

    private static String post(int i) {
        // A lure names its own recruiter, so each is a campaign of its own; the others are plain benign posts.
        String text = isLure(i) ? "LURE kerja di Kamboja gaji besar nomor " + i + " hubungi @rekrut_" + i
                : "Jual sepeda bekas nomor " + i + " kondisi baik";
        return LivePipeline.post("f" + i, "facebook", "id", text);
    }

    private void createTopics(String bootstrap) throws Exception {
        List<NewTopic> newTopics = new ArrayList<>();
        topics.fixedNames().forEach(name -> newTopics.add(new NewTopic(name, 3, (short) 1)));
        topics.routeNames(routes.hotlineIds(), routes.partnerIds()).forEach(name -> newTopics.add(new NewTopic(name, 1, (short) 1)));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(newTopics).all().get();
        }
    }

    private static void sleep(long millis) throws InterruptedException {
        // The harness's own clock: faults are spaced in time on purpose, there is no condition to wait for.
        Thread.sleep(Math.max(0, millis));
    }

    /** Replays the posts at the configured rate on a thread of its own; an idempotent producer survives the broker crash. */
    private final class Replay extends Thread {
        private final String bootstrap;
        private volatile Exception failure;

        Replay(String bootstrap) {
            super("faults-replay");
            this.bootstrap = bootstrap;
        }

        @Override
        public void run() {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
            long begin = System.nanoTime();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < settings.posts(); i++) {
                    long due = begin + 1_000_000_000L * i / settings.postsPerSecond();
                    long wait = due - System.nanoTime();
                    if (wait > 1_000_000) {
                        Thread.sleep(wait / 1_000_000);
                    }
                    producer.send(new ProducerRecord<>(topics.social(), post(i).getBytes(StandardCharsets.UTF_8)), (metadata, error) -> {
                        if (error != null && failure == null) {
                            failure = error;
                        }
                    });
                }
                producer.flush();
            } catch (Exception e) {
                failure = e;
            }
        }

        void throwIfFailed() throws Exception {
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** One app instance slot: a child JVM on its own state directory and instance id, restarted on the same ones. */
    private final class Instance {
        private final String name;
        private final String bootstrap;
        private final Path tmp;
        private final Path log;
        private Process process;

        Instance(String name, String bootstrap, Path tmp) {
            this.name = name;
            this.bootstrap = bootstrap;
            this.tmp = tmp;
            this.log = work.resolve("instance-" + name + ".log");
        }

        void start() throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + tmp,
                    "-cp", System.getProperty("java.class.path"), CrashableInstance.class.getName(), bootstrap, PREFIX,
                    APPLICATION_ID, work.resolve("state-" + name).toString(), "faults-" + name, "0")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        }

        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }

        /** Starts again on the same state and id; measures until its Streams is RUNNING again. */
        Recovery restartAndMeasure(Duration timeout) throws Exception {
            long before = runningLines();
            long linesBefore = lines().size();
            long begin = System.nanoTime();
            start();
            awaitRunningLines(before + 1, timeout);
            long launchToRunning = Duration.ofNanos(System.nanoTime() - begin).toMillis();
            List<String> since = lines().subList((int) linesBefore, lines().size());
            LocalTime starting = since.stream().filter(line -> line.contains("event=streams_starting")).findFirst()
                    .map(FaultHarness::timeOf).orElseThrow();
            LocalTime running = since.stream().filter(line -> RUNNING.matcher(line).find()).findFirst()
                    .map(FaultHarness::timeOf).orElseThrow();
            return new Recovery(launchToRunning, Duration.between(starting, running).toMillis());
        }

        private List<String> lines() throws IOException {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        }

        void awaitRunning(Duration timeout) throws Exception {
            awaitRunningLines(1, timeout);
        }

        private void awaitRunningLines(long count, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (runningLines() < count) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("instance " + name + " not RUNNING within " + timeout.toSeconds()
                            + " s (alive: " + process.isAlive() + "); see " + log);
                }
                process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }

        private long runningLines() {
            try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                return lines.filter(line -> RUNNING.matcher(line).find()).count();
            } catch (java.nio.file.NoSuchFileException e) {
                return 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }
}
