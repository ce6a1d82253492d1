package org.lurewatch.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;

/**
 * Replays a JSON-lines feed onto the input topics: each line goes, byte for byte (split on {@code \n}, nothing
 * decoded and re-encoded), to the topic of its {@code kind}: job ads, social posts, or a partner flag to the flags
 * topic of its {@code partner_id} ({@code partner-flags.<partner>}; the demo plays every partner). A line that is
 * not JSON or not UTF-8 still goes, as its original bytes, to the social feed, so the demo shows what ingest does
 * with bad input (invalid UTF-8 is dead-lettered as {@code invalid_utf8}); a flag naming no declared partner goes
 * there too and is dead-lettered, as a flag from outside a partner's topic is.
 */
public final class FeedReplayer {
    private final Topics topics;
    private final Set<String> partnerIds;

    /** @param partnerIds the partners of the routes, whose flag topics exist */
    public FeedReplayer(Topics topics, Collection<String> partnerIds) {
        this.topics = topics;
        this.partnerIds = Set.copyOf(partnerIds);
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
        for (byte[] line : lines(feed)) {
            pending.add(new ProducerRecord<>(topicFor(line), line));
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

    /**
     * The non-blank lines of a feed as their original bytes, without the {@code \n} (a {@code \r} before it stays:
     * JSON reads it as white space).
     */
    static List<byte[]> lines(InputStream feed) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (InputStream in = new BufferedInputStream(feed)) {
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    addUnlessBlank(lines, line.toByteArray());
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }
        addUnlessBlank(lines, line.toByteArray());
        return lines;
    }

    private static void addUnlessBlank(List<byte[]> lines, byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                lines.add(line);
                return;
            }
        }
    }

    public String topicFor(byte[] line) {
        try {
            // Jackson reads the bytes as UTF-8 and fails on a malformed sequence: such a line goes to the social feed.
            JsonNode node = Json.mapper().readTree(line);
            String kind = node == null ? "" : node.path("kind").asText("");
            String partner = node == null ? "" : node.path("partner_id").asText("");
            return switch (kind) {
                case "job_ad" -> topics.jobAds();
                case "partner_flag" -> partnerIds.contains(partner) ? topics.partnerFlags(partner) : topics.social();
                default -> topics.social();
            };
        } catch (IOException e) {
            return topics.social();
        }
    }
}
