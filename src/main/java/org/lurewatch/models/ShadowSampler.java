package org.lurewatch.models;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lurewatch.assess.Assessment;
import org.lurewatch.ingest.Post;
import org.lurewatch.kafka.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a sample of a shadow candidate's disagreements to the {@code models.shadow} topic, at most a configured
 * number a minute, for {@code lurewatch models compare} and for people to review: the post reference and both
 * assessments' category, score, band and indicator codes; never the post text (the reference finds it in
 * {@code posts.scored}). Diagnostics, not data: sent without a transaction, and a failed send is logged, never retried.
 */
public final class ShadowSampler implements AutoCloseable {
    public static final String TOPIC = org.lurewatch.kafka.Topics.defaults().modelsShadow();
    private static final Logger LOG = LoggerFactory.getLogger(ShadowSampler.class);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final int perMinute;
    private final Clock clock;
    private long windowStart;
    private int inWindow;

    ShadowSampler(Producer<String, byte[]> producer, String topic, int perMinute, Clock clock) {
        this.producer = producer;
        this.topic = topic;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    public static ShadowSampler create(String bootstrapServers, Map<String, String> kafkaOverrides, int perMinute) {
        Map<String, Object> props = new HashMap<>(kafkaOverrides);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "lurewatch-shadow-sampler");
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 100);
        return new ShadowSampler(new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()),
                TOPIC, perMinute, Clock.systemUTC());
    }

    /** Sends one disagreement if this minute's budget allows; true if sent. */
    public synchronized boolean offer(Post post, Assessment live, Assessment candidate) {
        long now = clock.millis();
        if (now - windowStart >= 60_000) {
            windowStart = now;
            inWindow = 0;
        }
        if (inWindow >= perMinute) {
            return false;
        }
        inWindow++;
        String key = post.source() + ":" + post.id();
        ObjectNode sample = Json.mapper().createObjectNode();
        sample.put("post_key", key);
        sample.put("time", java.time.Instant.ofEpochMilli(now).toString());
        sample.set("live", summary(live));
        sample.set("candidate", summary(candidate));
        producer.send(new ProducerRecord<>(topic, key, sample.toString().getBytes(StandardCharsets.UTF_8)), (meta, e) -> {
            if (e != null) {
                LOG.warn("event=shadow_sample_failed topic={} error={}", topic, e.getClass().getSimpleName());
            }
        });
        return true;
    }

    static ObjectNode summary(Assessment a) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("model_version", a.modelVersion());
        o.put("category", a.category().wireName());
        o.put("score", a.score());
        o.put("band", a.band().wireName());
        var codes = o.putArray("indicators");
        a.indicators().forEach(i -> codes.add(i.code()));
        return o;
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
