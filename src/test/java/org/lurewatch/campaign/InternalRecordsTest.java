package org.lurewatch.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.lurewatch.assess.Band;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.Evidence;
import org.lurewatch.assess.Indicator;
import org.lurewatch.feedback.Feedback;
import org.lurewatch.feedback.FeedbackRecords;
import org.lurewatch.feedback.PostText;
import org.lurewatch.feedback.SubjectEvent;
import org.lurewatch.feedback.SubjectFacts;
import org.lurewatch.feedback.Verdict;
import org.lurewatch.kafka.AvroCodec;

/** The binary records of internal topics and stores: each round-trips, and Avro's own reader reads it by its schema. */
class InternalRecordsTest {
    private static final Instant SEEN = Instant.parse("2026-11-23T10:00:00.123456789Z");
    private static final PostRef REF = new PostRef("facebook:p1", "facebook", null, Instant.parse("2026-11-22T08:00:00Z"),
            SEEN, "id", 0.93, Band.CRITICAL);
    private static final CampaignPost POST = new CampaignPost(REF, "ID", List.of("telegram:hr_a", "whatsapp:+628123"),
            List.of(new Indicator("PAID_TRAVEL", 1.2, "Travel paid", "Tiket dibayar", List.of(new Evidence(3, 9, "tiket"))),
                    new Indicator("NEWS_OR_WARNING", -1.5, "Warning", null, List.of())),
            "lure-doccat-2.0", "Lowongan kerja di Kamboja … ✈️");
    private static final Campaign CAMPAIGN = Campaign.founding("cmp-20261123T100000123Z-3f2a9c01", POST);
    private static final Notice NOTICE = new Notice(3, 42L, 2, List.of("facebook"), List.of("telegram:hr_a"), Band.HIGH, true);

    @Test
    void shouldRoundTripEveryCampaignRecord() {
        assertRoundTrip(CampaignRecords.LINK_STEP_INPUTS, new LinkRequest("facebook:p1", CAMPAIGN.id(), 123L));
        assertRoundTrip(CampaignRecords.LINK_STEP_INPUTS, new LinkRequest("facebook:p1", CAMPAIGN.id(), null));
        assertRoundTrip(CampaignRecords.LINK_STEP_INPUTS, new PostLinkEvent.Arrived(POST, CAMPAIGN.id(), 8));
        assertRoundTrip(CampaignRecords.POST_LINK_EVENTS, new PostLinkEvent.Answered("contact:telegram:hr_a",
                List.of(CAMPAIGN.id(), "cmp-2")));
        assertRoundTrip(CampaignRecords.COMMANDS, new CampaignCommand.Join(POST, CAMPAIGN.id()));
        assertRoundTrip(CampaignRecords.COMMANDS, new CampaignCommand.Union("cmp-1"));
        assertRoundTrip(CampaignRecords.COMMANDS, new CampaignCommand.Absorb(CAMPAIGN.mergedInto("cmp-0"),
                Map.of("indonesia", NOTICE)));
        assertRoundTrip(CampaignRecords.LINK_BUCKETS, new LinkBucket(List.of(new LinkBucket.Entry("cmp-1", null, 5),
                new LinkBucket.Entry("cmp-2", -7L, 6))));
        assertRoundTrip(CampaignRecords.PENDING_POSTS, new PendingPost(null, Map.of("simhash:1:ff", List.of("cmp-1")), 9));
        assertRoundTrip(CampaignRecords.PENDING_POSTS, PendingPost.start(9).with(new PostLinkEvent.Arrived(POST, "cmp-1", 2)));
        assertRoundTrip(CampaignRecords.CAMPAIGN_ENTRIES, CampaignEntry.live(CAMPAIGN.withPost(new CampaignPost(
                new PostRef("tiktok:p2", "tiktok", "https://t.example/2", null, SEEN.plusSeconds(60), "en", 0.5, Band.MEDIUM),
                null, List.of(), List.of(), "lure-doccat-2.0", "x")), Map.of("indonesia", NOTICE, "regional", NOTICE), 77));
        assertRoundTrip(CampaignRecords.CAMPAIGN_ENTRIES, CampaignEntry.alias("cmp-0", 78));
        assertRoundTrip(CampaignRecords.CAMPAIGN_ENTRIES, CampaignEntry.waiting(CAMPAIGN, 79));
    }

    @Test
    void shouldRoundTripEveryFeedbackRecord() {
        assertRoundTrip(FeedbackRecords.FACTS, new SubjectFacts(List.of("telegram:hr_a"), List.of("facebook:p1"), 5));
        assertRoundTrip(FeedbackRecords.SUBJECT_EVENTS, SubjectEvent.of(new SubjectFacts(List.of(), List.of("x:1"), 0)));
        assertRoundTrip(FeedbackRecords.FACTS, new SubjectFacts(List.of(), List.of("facebook:p2"), 6,
                new PostText("Kerja di Kamboja\nGaji 20 juta", "id", "job_ad", "facebook", Category.LURE)));
        assertRoundTrip(FeedbackRecords.SUBJECT_EVENTS, SubjectEvent.of(new SubjectFacts(List.of(), List.of("x:2"), 0,
                new PostText("Like videos, earn per task", null, null, null, Category.JOB_SCAM))));
        assertRoundTrip(FeedbackRecords.SUBJECT_EVENTS, SubjectEvent.of(new Feedback(null, CAMPAIGN.id(),
                List.of("telegram:hr_a"), Verdict.CONFIRMED, "indonesia", SEEN)));
        assertRoundTrip(FeedbackRecords.SUBJECT_EVENTS, SubjectEvent.of(new Feedback("facebook:p1", null, List.of(),
                Verdict.EXPIRED, null, null)));
    }

    @Test
    void shouldRefuseBytesOfAnotherRecordTypeOrSchema() {
        byte[] union = CampaignRecords.COMMANDS.encode(new CampaignCommand.Union("cmp-1"));

        assertThatThrownBy(() -> CampaignRecords.CAMPAIGN_ENTRIES.decode(union))
                .isInstanceOf(SerializationException.class).hasMessageContaining("CampaignEntry");
        assertThatThrownBy(() -> CampaignRecords.COMMANDS.decode("{\"command\":\"union\"}".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not an Avro single-object record");
    }

    @Test
    void shouldGiveBackTheValueItWroteForTheSameBytesAndDecodeAnyOtherArray() {
        AvroCodec<CampaignEntry> codec = CampaignRecords.CAMPAIGN_ENTRIES.rememberingLast(4);
        CampaignEntry entry = CampaignEntry.live(CAMPAIGN, Map.of("indonesia", NOTICE), 77);
        byte[] bytes = codec.encode(entry);

        assertThat(codec.decode(bytes)).isSameAs(entry);
        assertThat(codec.decode(bytes.clone())).isNotSameAs(entry).isEqualTo(entry);
    }

    @Test
    void shouldBeSmallerThanTheJsonItReplaces() throws IOException {
        CampaignEntry entry = CampaignEntry.live(CAMPAIGN, Map.of("indonesia", NOTICE), 77);

        assertThat(CampaignRecords.CAMPAIGN_ENTRIES.encode(entry).length)
                .isLessThan(org.lurewatch.kafka.Json.mapper().writeValueAsBytes(entry).length * 2 / 3);
    }

    private static <T> void assertRoundTrip(AvroCodec<T> codec, T value) {
        byte[] bytes = codec.encode(value);
        assertThat(codec.decode(bytes)).isEqualTo(value);
        // Any Avro reader with the schema reads the body, to its last byte.
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 10, bytes.length - 10, null);
            GenericRecord generic = new GenericDatumReader<GenericRecord>(codec.schema()).read(null, decoder);
            assertThat(generic.getSchema().getFullName()).isEqualTo(codec.schema().getFullName());
            assertThat(decoder.isEnd()).as("%s read to its end", codec.schema().getName()).isTrue();
        } catch (IOException e) {
            throw new AssertionError(codec.schema().getName() + " does not follow its schema", e);
        }
    }
}
