package org.lurewatch.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lurewatch.ingest.EnvelopeReader;
import org.lurewatch.ingest.ReadResult;
import org.lurewatch.kafka.Json;

/** The envelope reader on anything a feed can send: it answers a post or a reason, and never throws. */
class EnvelopeReaderProperties {
    private static final int MAX_TEXT_CHARS = 20_000;
    private static final EnvelopeReader READER = new EnvelopeReader(MAX_TEXT_CHARS);

    @Property(tries = 500)
    void shouldAnswerAPostOrAReasonForAnyBytes(@ForAll byte[] value) {
        assertThat(READER.read(value)).isNotNull();
    }

    @Property(tries = 300)
    void shouldAnswerAPostOrAReasonForAnyEnvelopeShapedJson(@ForAll("envelopes") String json) {
        ReadResult result = READER.read(json.getBytes(StandardCharsets.UTF_8));
        if (result instanceof ReadResult.Accepted accepted) {
            assertThat(accepted.post().text()).isNotBlank().hasSizeLessThanOrEqualTo(MAX_TEXT_CHARS);
            assertThat(accepted.post().id()).isNotEmpty();
        } else {
            assertThat(((ReadResult.Rejected) result).detail()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> envelopes() {
        Arbitrary<String> field = Arbitraries.oneOf(HostileText.any(60), Arbitraries.just(""), Arbitraries.just("facebook"));
        Arbitrary<String> kind = Arbitraries.of("job_ad", "social_post", "partner_flag", "tweet", "");
        Arbitrary<String> time = Arbitraries.of("2026-11-20T08:15:00Z", "yesterday", "2026-13-45T99:99:99Z", "");
        return net.jqwik.api.Combinators.combine(field, field, kind, HostileText.any(400), time, field)
                .as((id, source, k, text, postedAt, lang) -> {
                    ObjectNode node = Json.mapper().createObjectNode();
                    node.put("id", id).put("source", source).put("kind", k).put("text", text).put("posted_at", postedAt)
                            .put("lang", lang);
                    return node.toString();
                });
    }
}
