package org.lurewatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lurewatch.kafka.Topics;

class FeedReplayerTest {
    private final FeedReplayer replayer = new FeedReplayer(Topics.defaults(), List.of("tiktok"));

    @Test
    void shouldKeepEachLinesOriginalBytesInvalidUtf8Included() throws Exception {
        byte[] invalid = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        ByteArrayOutputStream feed = new ByteArrayOutputStream();
        feed.write("{\"kind\":\"job_ad\"}\r\n".getBytes(StandardCharsets.UTF_8));
        feed.write("   \n".getBytes(StandardCharsets.UTF_8));
        feed.write(invalid);
        feed.write('\n');
        feed.write("no newline at the end".getBytes(StandardCharsets.UTF_8));

        List<byte[]> lines = FeedReplayer.lines(new ByteArrayInputStream(feed.toByteArray()));

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("{\"kind\":\"job_ad\"}\r".getBytes(StandardCharsets.UTF_8));
        assertThat(lines.get(1)).isEqualTo(invalid);
        assertThat(replayer.topicFor(lines.get(1))).isEqualTo("feeds.social");
    }

    @Test
    void shouldSendAFlagToItsPartnersTopicAndAnUndeclaredPartnersFlagToTheSocialFeed() {
        assertThat(replayer.topicFor(utf8("{\"kind\":\"partner_flag\",\"partner_id\":\"tiktok\"}"))).isEqualTo("partner-flags.tiktok");
        assertThat(replayer.topicFor(utf8("{\"kind\":\"partner_flag\",\"partner_id\":\"nobody\"}"))).isEqualTo("feeds.social");
        assertThat(replayer.topicFor(utf8("{\"kind\":\"job_ad\"}"))).isEqualTo("feeds.jobads");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
