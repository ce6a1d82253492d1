package org.lurewatch.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lurewatch.ingest.EnvelopeReader;
import org.lurewatch.ingest.Post;
import org.lurewatch.ingest.ReadResult;
import org.lurewatch.kafka.Json;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * The whole assess step (normalise, detect language, extract, indicators, categorizer, calibration) on ~1 KB
 * posts in eight languages, one thread, no language hint (detection is part of the cost). Reports posts/s, beside
 * references measured in the same run on the same posts, so that a figure survives a busy machine:
 * {@link #referenceEnvelope} reads each post's JSON envelope as ingest does (parse and schema validation),
 * {@link #referenceCategorizer} runs only OpenNLP's categorizer and the calibration on the analysed post, and
 * {@link #referenceJson} only parses the post as JSON. {@link AssessBenchmarkRatio} runs them and prints the
 * ratios. Warm-up iterations are long (10 s) because on a busy 2-core machine the JIT needs that long to finish.
 *
 * <pre>./mvnw -B -ntp -Pbench verify -Dbench.main=org.lurewatch.bench.AssessBenchmarkRatio -Dbench.args="-f 1 -wi 2 -i 3"</pre>
 */
public class AssessBenchmark extends AssessAcrossCommits {
    private EnvelopeReader reader;
    private List<byte[]> envelopes;

    @Setup(Level.Trial)
    public void setUpEnvelopes() {
        reader = new EnvelopeReader(20_000);
        envelopes = new ArrayList<>();
        for (Post post : posts) {
            ObjectNode envelope = Json.mapper().createObjectNode().put("id", post.id()).put("source", post.source())
                    .put("kind", post.kind().wireName()).put("title", post.title()).put("text", post.text());
            envelopes.add(envelope.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Reference: reading the same posts' envelopes, as ingest does (JSON parse and schema validation). */
    @Benchmark
    public ReadResult referenceEnvelope() {
        return reader.read(envelopes.get(next()));
    }
}
