package org.lurewatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lurewatch.kafka.Json;

/**
 * The {@code storm} mix: the valid posts of the bundled sample feed (lures, distress and ordinary posts in nine
 * languages), each padded with text from the others to about the target size, with fresh ids. Gluing texts
 * together makes nearly every post a lure that shares contacts with all the others: one campaign that takes every
 * post, the worst case for the campaign step, not what a feed looks like.
 */
public final class BenchPosts implements Workload {
    private static final String SAMPLE = "/samples/sample-feed.jsonl";
    private final List<ObjectNode> templates;
    private final int targetBytes;

    public BenchPosts(int targetBytes) {
        this.templates = load();
        this.targetBytes = targetBytes;
    }

    @Override
    public String name() {
        return "storm";
    }

    @Override
    public java.util.Map<String, Object> describe() {
        return java.util.Map.of("source", "bundled sample feed " + SAMPLE + ", texts glued to ~" + targetBytes + " bytes",
                "templates", templates.size());
    }

    /** The i-th post as envelope JSON bytes of about the target size. */
    @Override
    public byte[] post(int i) {
        ObjectNode post = templates.get(i % templates.size()).deepCopy();
        post.put("id", "bench-" + i);
        StringBuilder text = new StringBuilder(post.path("text").asText());
        int next = i + 1;
        while (text.toString().getBytes(StandardCharsets.UTF_8).length < targetBytes - 200) {
            text.append(' ').append(templates.get(next++ % templates.size()).path("text").asText());
        }
        String body = text.toString();
        while (body.getBytes(StandardCharsets.UTF_8).length > targetBytes - 200) {
            body = body.substring(0, body.length() - 10);
        }
        post.put("text", body);
        return post.toString().getBytes(StandardCharsets.UTF_8);
    }

    public int templateCount() {
        return templates.size();
    }

    private static List<ObjectNode> load() {
        List<ObjectNode> posts = new ArrayList<>();
        try (InputStream in = BenchPosts.class.getResourceAsStream(SAMPLE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                try {
                    JsonNode node = Json.mapper().readTree(line);
                    if (node instanceof ObjectNode object && object.hasNonNull("text") && object.has("kind")
                            && !object.path("id").asText().startsWith("bad")) {
                        object.remove("posted_at");
                        posts.add(object);
                    }
                } catch (IOException notJson) {
                    // the sample feed holds deliberately bad lines; the benchmark uses only the good ones
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("bundled sample feed " + SAMPLE + " is missing", e));
        }
        return posts;
    }
}
