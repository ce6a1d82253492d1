package org.lurewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lurewatch.ingest.DeadLetterHeaders;
import org.lurewatch.kafka.CommittedReader;
import org.lurewatch.testing.KafkaBrokerExtension;

/**
 * Hostile records through a real broker and the whole topology: random bytes, invalid UTF-8, JSON that is not an
 * envelope, nesting deep enough to break a parser, oversized texts, empty and null values, flags outside a partner's
 * topic, and valid envelopes whose texts are hostile. Every one ends as exactly one scored post or one dead letter.
 */
class HostileRecordsIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void shouldTurnEveryHostileRecordIntoOneScoredPostOrOneDeadLetter() throws Exception {
        try (LivePipeline pipeline = new LivePipeline(KAFKA, 2);
             KafkaConsumer<byte[], byte[]> reader = CommittedReader.subscribe(KAFKA.bootstrapServers(), "hostile-reader",
                     Pattern.compile(Pattern.quote(pipeline.topics().scored()) + "|" + Pattern.quote(pipeline.topics().deadLetter())),
                     Map.of())) {
            List<byte[]> records = hostileRecords(new Random(11));
            for (byte[] record : records) {
                pipeline.send(pipeline.topics().social(), record);
            }

            List<String> scored = new ArrayList<>();
            Map<String, Integer> deadLetters = new TreeMap<>();
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                read(reader, pipeline, scored, deadLetters);
                return scored.size() + deadLetters.values().stream().mapToInt(Integer::intValue).sum() >= records.size();
            });
            // Then quiet: a record that came out twice would still arrive within a few commit intervals.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).until(() -> {
                int before = scored.size() + deadLetters.values().stream().mapToInt(Integer::intValue).sum();
                read(reader, pipeline, scored, deadLetters);
                return scored.size() + deadLetters.values().stream().mapToInt(Integer::intValue).sum() == before;
            });

            assertThat(scored.size() + deadLetters.values().stream().mapToInt(Integer::intValue).sum())
                    .as("scored %s + dead letters %s", scored.size(), deadLetters).isEqualTo(records.size());
            assertThat(scored).doesNotHaveDuplicates();
            assertThat(deadLetters).containsKeys("not_json", "invalid_utf8", "schema_violation", "oversized", "empty",
                    "partner_mismatch");
        }
    }

    private static void read(KafkaConsumer<byte[], byte[]> reader, LivePipeline pipeline, List<String> scored,
                             Map<String, Integer> deadLetters) {
        for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
            if (record.topic().equals(pipeline.topics().scored())) {
                scored.add(new String(record.key(), StandardCharsets.UTF_8));
            } else {
                deadLetters.merge(DeadLetterHeaders.get(record.headers(), DeadLetterHeaders.REASON), 1, Integer::sum);
            }
        }
    }

    private static List<byte[]> hostileRecords(Random random) {
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            records.add(bytes);
        }
        records.add(new byte[0]);
        records.add(null);
        records.add(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        records.add(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'});
        records.add(utf8("[1,2,3]"));
        records.add(utf8("null"));
        records.add(utf8("\"just a string\""));
        records.add(utf8("[".repeat(50_000)));
        records.add(utf8("{\"a\":".repeat(20_000)));
        records.add(utf8("{\"id\":\"x\",\"source\":\"facebook\",\"kind\":\"tweet\",\"text\":\"hi\"}"));
        records.add(utf8("{\"id\":\"\",\"source\":\"facebook\",\"kind\":\"social_post\",\"text\":\"hi\"}"));
        records.add(utf8("{\"id\":\"x\",\"source\":\"face book\",\"kind\":\"social_post\",\"text\":\"hi\"}"));
        records.add(utf8("{\"id\":\"x\",\"source\":\"facebook\",\"kind\":\"social_post\",\"text\":\"   \"}"));
        records.add(utf8("{\"id\":\"x\",\"source\":\"facebook\",\"kind\":\"social_post\",\"text\":\"hi\",\"posted_at\":\"soon\"}"));
        records.add(utf8(LivePipeline.post("big", "facebook", "en", "LURE ".repeat(1_100))));
        records.add(utf8("{\"id\":\"flag\",\"source\":\"line\",\"kind\":\"partner_flag\",\"partner_id\":\"line\",\"text\":\"LURE\"}"));
        String[] hostileTexts = {"\\u0000\\u0001\\u001f", "\\ud800 lone surrogate", "\u200b\u200d\ufeff", "LURE t e l e g r a m @x",
                "+6".repeat(400), "@".repeat(2_000), "https://".repeat(200), "9".repeat(3_000), "ｔｅｌｅｇｒａｍ 💰🇰🇭",
                "ကမ္ဘောဒီးယား LURE", "\\\"quoted\\\" \\\\ back", "LURE " + "a.".repeat(1_500), "豈\u2fb1 bulan\u200b\u0301"};
        for (int i = 0; i < hostileTexts.length; i++) {
            records.add(utf8(LivePipeline.post("h" + i, "telegram", "en", hostileTexts[i])));
        }
        return records;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
