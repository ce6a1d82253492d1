package org.lurewatch.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.lurewatch.app.KeywordAssessor;
import org.lurewatch.app.PipelineDriver;
import org.lurewatch.assess.Assessment;
import org.lurewatch.contract.TopicSchemas;
import org.lurewatch.ingest.Post;
import org.lurewatch.ingest.PostKind;
import org.lurewatch.kafka.Topics;

/** What the shadow sampler writes to {@code models.shadow} conforms to {@code topology/schemas/models.shadow.schema.json}. */
class ShadowSampleSchemaTest {
    @Test
    void shouldWriteSamplesThatMatchTheModelsShadowSchema() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        Post post = Post.ofText("p1", "facebook", PostKind.SOCIAL_POST, "id", "", "LURE kerja @hr_one");
        Assessment live = new KeywordAssessor().assess(post);
        Assessment candidate = new KeywordAssessor().assess(Post.ofText("p1", "facebook", PostKind.SOCIAL_POST, "id", "", "HELP"));
        TopicSchemas schemas = new TopicSchemas(Topics.defaults());

        try (ShadowSampler sampler = new ShadowSampler(producer, Topics.defaults().modelsShadow(), 10, clock)) {
            assertThat(sampler.offer(post, live, candidate)).isTrue();
        }

        List<String> values = producer.history().stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
        assertThat(values).singleElement().satisfies(value -> assertThat(schemas.problems(
                schemas.fileFor(Topics.defaults().modelsShadow()).orElseThrow(), PipelineDriver.json(value))).isEmpty());
    }
}
