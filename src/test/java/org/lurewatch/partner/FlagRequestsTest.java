package org.lurewatch.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lurewatch.web.ProblemException;

class FlagRequestsTest {
    @Test
    void shouldTakeOneEnvelopeAsJsonAndABatchAsNdjson() {
        assertThat(FlagRequests.isBatch("application/json")).isFalse();
        assertThat(FlagRequests.isBatch("application/json; charset=utf-8")).isFalse();
        assertThat(FlagRequests.isBatch("application/x-ndjson")).isTrue();
        assertThat(FlagRequests.isBatch("Application/JSONL")).isTrue();
        for (String refused : new String[] {null, "", "text/plain", "application/json; charset=latin1", "multipart/form-data"}) {
            assertThatThrownBy(() -> FlagRequests.isBatch(refused)).as(refused).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.problem().status()).isEqualTo(415));
        }
    }

    @Test
    void shouldReadOneFlagPerLineSkippingBlankLines() {
        byte[] body = "{\"id\":\"1\"}\r\n\n  \n{\"id\":\"2\"}".getBytes(StandardCharsets.UTF_8);

        List<FlagRequests.Item> items = FlagRequests.parse(body, true, 10);

        assertThat(FlagRequests.count(body, true)).isEqualTo(2);
        assertThat(items).extracting(FlagRequests.Item::index, FlagRequests.Item::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1), org.assertj.core.groups.Tuple.tuple(1, 4));
        assertThat(items.get(1).json().get("id").asText()).isEqualTo("2");
    }

    @Test
    void shouldRefuseTheWholeBatchWhenAnyLineIsNotAJsonObject() {
        byte[] body = "{\"id\":\"1\"}\nnot json\n[1,2]\n{\"id\":\"2\",\"id\":\"3\"}\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> FlagRequests.parse(body, true, 10)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().type()).isEqualTo("urn:lurewatch:problem:flags-malformed");
            assertThat(e.problem().detail()).startsWith("3 of 4 lines are not JSON objects").endsWith("nothing was accepted");
            assertThat(e.problem().extensions().get("errors").toString()).contains("line=2", "line=3", "line=4");
        });
    }

    @Test
    void shouldRefuseTooManyFlagsEmptyBodiesAndInvalidUtf8() {
        byte[] three = "{}\n{}\n{}\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> FlagRequests.parse(three, true, 2)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().status()).isEqualTo(413));
        assertThatThrownBy(() -> FlagRequests.parse(" \n".getBytes(StandardCharsets.UTF_8), true, 2))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail()).contains("empty"));
        assertThatThrownBy(() -> FlagRequests.parse(new byte[] {'{', (byte) 0xff, '}'}, false, 2))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail()).contains("UTF-8"));
        assertThatThrownBy(() -> FlagRequests.parse("[{}]".getBytes(StandardCharsets.UTF_8), false, 2))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail()).contains("x-ndjson"));
        assertThatThrownBy(() -> FlagRequests.parse("{} {}".getBytes(StandardCharsets.UTF_8), false, 2))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
    }
}
