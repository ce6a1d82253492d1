package org.lurewatch.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.test.TestRecord;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.app.KeywordAssessor;
import org.lurewatch.app.PipelineDriver;
import org.lurewatch.assess.AssessConfig;
import org.lurewatch.assess.Assessor;
import org.lurewatch.assess.Assessors;
import org.lurewatch.campaign.CampaignFeed;
import org.lurewatch.demo.FeedReplayer;
import org.lurewatch.kafka.Json;
import org.lurewatch.ops.PipelineEvents;

/**
 * Runs the whole topology over a varied feed and keeps every record it writes to a contract topic, by topic, as
 * raw JSON (null for a tombstone). Two passes: the bundled model over the demo's sample feed and the campaign feed,
 * then the keyword scorer over posts that make every alert type (distress, lure and campaign update to hotlines,
 * review requests and job scams to partners). Hotline verdicts on lures of both passes feed the feedback and
 * signals steps; the verdicts themselves are kept under their topics too.
 */
final class ContractFeed {
    private static final Instant T0 = PipelineDriver.T0;

    private ContractFeed() {
    }

    /** Topic to the values written to it, in order; verdict topics hold what was piped in. */
    static Map<String, List<String>> run() {
        Map<String, List<String>> written = new LinkedHashMap<>();
        Assessor model = Assessors.load(new AssessConfig(null, null, false));
        try (PipelineDriver pipeline = driver(() -> model)) {
            List<String> feed = new ArrayList<>(resourceLines("/samples/sample-feed.jsonl"));
            feed.addAll(CampaignFeed.lines());
            FeedReplayer replayer = new FeedReplayer(pipeline.topics(), RoutesLoader.loadBundled().partnerIds());
            for (String line : feed) {
                pipeline.pipe(replayer.topicFor(line.getBytes(StandardCharsets.UTF_8)), line, postedAt(line));
            }
            verdicts(pipeline, written, firstLureKeys(pipeline, written));
            collect(pipeline, written);
        }
        try (PipelineDriver pipeline = driver(KeywordAssessor::new)) {
            pipeline.post("k1", "facebook", "id", "LURE kerja Kamboja gaji besar @hr_kamboja WA +6281234567890", 0);
            pipeline.post("k2", "tiktok", "id", "LURE kerja @hr_kamboja lagi", 30);
            pipeline.post("k3", "telegram", "id", "LURE loker @hr_kamboja berangkat minggu ini", 200);
            pipeline.post("k4", "facebook", "tl", "HELP my brother was taken, the agent @agent_rio has his passport", 40);
            pipeline.post("k5", "jobstreet", "en", "TASKS like videos earn daily @task_boss", 50);
            pipeline.post("k6", "facebook", "en", "MILD overseas job WARNING maybe a scam", 60);
            pipeline.post("k7", "facebook", "en", "Lunch special at the market today", 70);
            List<String> judged = List.of("facebook:k1", "tiktok:k2");
            verdicts(pipeline, written, judged);
            collect(pipeline, written);
        }
        return written;
    }

    private static PipelineDriver driver(Supplier<Assessor> assessors) {
        return new PipelineDriver(RoutesLoader.loadBundled(), assessors, PipelineEvents.NONE, PipelineDriver.UPDATE_WINDOW);
    }

    /** Reads posts.scored so far, keeps it, and returns the keys of the lures among them. */
    private static List<String> firstLureKeys(PipelineDriver pipeline, Map<String, List<String>> written) {
        List<String> lures = new ArrayList<>();
        for (var record : pipeline.output(pipeline.topics().scored()).readKeyValuesToList()) {
            written.computeIfAbsent(pipeline.topics().scored(), t -> new ArrayList<>()).add(record.value);
            JsonNode scored = PipelineDriver.json(record.value);
            if (scored.path("assessment").path("category").asText().equals("lure")) {
                lures.add(record.key);
            }
        }
        return lures.subList(0, Math.min(3, lures.size()));
    }

    /** A confirmed and a false-positive verdict from two hotlines, as the console and a hotline write them. */
    private static void verdicts(PipelineDriver pipeline, Map<String, List<String>> written, List<String> postKeys) {
        Instant at = T0.plus(Duration.ofDays(3));
        int n = 0;
        for (String postKey : postKeys) {
            ObjectNode verdict = Json.mapper().createObjectNode();
            verdict.put("post_key", postKey);
            verdict.put("verdict", n % 2 == 0 ? "confirmed" : "false_positive");
            if (n % 2 == 0) {
                verdict.put("analyst", "ana");
                verdict.put("note", "called the number; a recruiter answered");
            }
            verdict.put("at", at.plus(Duration.ofMinutes(n)).toString());
            String topic = pipeline.topics().hotlineFeedback(n % 2 == 0 ? "indonesia" : "philippines");
            pipeline.pipe(topic, verdict.toString(), at.plus(Duration.ofMinutes(n)));
            written.computeIfAbsent(topic, t -> new ArrayList<>()).add(verdict.toString());
            n++;
        }
    }

    private static void collect(PipelineDriver pipeline, Map<String, List<String>> written) {
        for (String topic : pipeline.driver().producedTopicNames()) {
            List<TestRecord<String, byte[]>> records = pipeline.driver()
                    .createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
            List<String> values = written.computeIfAbsent(topic, t -> new ArrayList<>());
            records.forEach(r -> values.add(r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8)));
        }
    }

    /** The post's own time, or {@link #T0} for a line without one (the feed holds deliberately bad lines too). */
    private static Instant postedAt(String line) {
        try {
            JsonNode node = Json.mapper().readTree(line);
            return node != null && node.hasNonNull("posted_at") ? Instant.parse(node.get("posted_at").asText()) : T0;
        } catch (IOException | java.time.DateTimeException e) {
            return T0;
        }
    }

    private static List<String> resourceLines(String resource) {
        try (InputStream in = ContractFeed.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
