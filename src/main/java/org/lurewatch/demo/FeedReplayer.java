package org.lurewatch.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;

/**
 * Replays a JSON-lines feed onto the input topics: each line goes, byte for byte, to the topic of its
 * {@code kind} (job ads, social posts, partner flags). A line that is not even JSON still goes, to the social
 * feed, so the demo shows what ingest does with bad input.
 */
public final class FeedReplayer {
    private final Topics topics;

    public FeedReplayer(Topics topics) {
        this.topics = topics;
    }

    /**
     * Sends every non-blank line and returns how many were sent; a line the broker did not take is sent again,
     * and if it still fails the replay says so rather than losing it quietly.
     */
    public int replay(InputStream feed, String bootstrapServers) throws IOException {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        List<ProducerRecord<byte[], byte[]>> pending = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(feed, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    pending.add(new ProducerRecord<>(topicFor(line), line.getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        int total = pending.size();
        for (int attempt = 1; attempt <= 3 && !pending.isEmpty(); attempt++) {
            List<ProducerRecord<byte[], byte[]>> failed = Collections.synchronizedList(new ArrayList<>());
            try (KafkaProducer<byte[], byte[]> producer =
                         new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
                for (ProducerRecord<byte[], byte[]> record : pending) {
                    producer.send(record, (metadata, error) -> {
                        if (error != null) {
                            failed.add(record);
                        }
                    });
                }
                producer.flush();
            }
            pending = new ArrayList<>(failed);
        }
        if (!pending.isEmpty()) {
            throw new IOException(pending.size() + " of " + total + " feed records could not be written to Kafka");
        }
        return total;
    }

    String topicFor(String line) {
        try {
            JsonNode node = Json.mapper().readTree(line);
            String kind = node == null ? "" : node.path("kind").asText("");
            return switch (kind) {
                case "job_ad" -> topics.jobAds();
                case "partner_flag" -> topics.partnerFlags();
                default -> topics.social();
            };
        } catch (IOException e) {
            return topics.social();
        }
    }
}
