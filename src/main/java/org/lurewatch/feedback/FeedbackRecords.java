package org.lurewatch.feedback;

import static org.lurewatch.kafka.AvroCodec.readNullable;
import static org.lurewatch.kafka.AvroCodec.readNullableInstant;
import static org.lurewatch.kafka.AvroCodec.readNullableString;
import static org.lurewatch.kafka.AvroCodec.readStrings;
import static org.lurewatch.kafka.AvroCodec.writeNullable;
import static org.lurewatch.kafka.AvroCodec.writeNullableInstant;
import static org.lurewatch.kafka.AvroCodec.writeNullableString;
import static org.lurewatch.kafka.AvroCodec.writeStrings;

import java.io.IOException;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;
import org.lurewatch.assess.Category;
import org.lurewatch.kafka.AvroCodec;

/**
 * The binary form of what the feedback step passes between its steps and keeps (the three subject repartition
 * topics and the {@value FeedbackTopology#SUBJECT_STORE} store). The {@code feedback} input, the {@code watchlist}
 * and {@code feedback.labelled} topics stay JSON: others write or read them.
 */
public final class FeedbackRecords {
    static final String NAMESPACE = "org.lurewatch.feedback.v1";

    private static final Schema STRINGS = Schema.createArray(Schema.create(Schema.Type.STRING));
    private static final Schema TIMESTAMP = LogicalTypes.timestampNanos().addToSchema(Schema.create(Schema.Type.LONG));
    static final Schema VERDICT = SchemaBuilder.enumeration("Verdict").namespace(NAMESPACE)
            .symbols("CONFIRMED", "FALSE_POSITIVE", "EXPIRED");
    /** Only lures' and job scams' texts are kept; the enum says so. */
    static final Schema SCORED_AS = SchemaBuilder.enumeration("ScoredAs").namespace(NAMESPACE)
            .symbols("LURE", "JOB_SCAM");
    static final Schema POST_TEXT = SchemaBuilder.record("PostText").namespace(NAMESPACE).fields()
            .requiredString("text").optionalString("lang").optionalString("kind").optionalString("source")
            .name("scored_as").type(SCORED_AS).noDefault()
            .endRecord();
    static final Schema SUBJECT_FACTS = SchemaBuilder.record("SubjectFacts").namespace(NAMESPACE).fields()
            .name("contacts").type(STRINGS).noDefault()
            .name("post_keys").type(STRINGS).noDefault()
            .requiredLong("seen")
            .name("text").type(Schema.createUnion(Schema.create(Schema.Type.NULL), POST_TEXT)).withDefault(null)
            .endRecord();
    static final Schema FEEDBACK = SchemaBuilder.record("Feedback").namespace(NAMESPACE).fields()
            .optionalString("post_key").optionalString("campaign_id")
            .name("contacts").type(STRINGS).noDefault()
            .name("verdict").type(VERDICT).noDefault()
            .optionalString("hotline")
            .name("at").type(Schema.createUnion(Schema.create(Schema.Type.NULL), TIMESTAMP)).withDefault(null)
            .endRecord();
    static final Schema SUBJECT_EVENT = SchemaBuilder.record("SubjectEvent").namespace(NAMESPACE).fields()
            .name("event").type(Schema.createUnion(SUBJECT_FACTS, FEEDBACK)).noDefault()
            .endRecord();

    /** Value of the {@value FeedbackTopology#SUBJECT_STORE} store. */
    public static final AvroCodec<SubjectFacts> FACTS = AvroCodec.of(SUBJECT_FACTS,
            FeedbackRecords::writeFacts, FeedbackRecords::readFacts);

    /** Value of the three {@code feedback-*-by-subject} repartition topics. */
    public static final AvroCodec<SubjectEvent> SUBJECT_EVENTS = AvroCodec.of(SUBJECT_EVENT, (value, out) -> {
        if (value.facts() != null) {
            out.writeIndex(0);
            writeFacts(value.facts(), out);
        } else {
            Feedback verdict = value.verdict();
            out.writeIndex(1);
            writeNullableString(out, verdict.postKey());
            writeNullableString(out, verdict.campaignId());
            writeStrings(out, verdict.contacts());
            out.writeEnum(verdict.verdict().ordinal());
            writeNullableString(out, verdict.hotline());
            writeNullableInstant(out, verdict.at());
        }
    }, in -> in.readIndex() == 0 ? SubjectEvent.of(readFacts(in))
            : SubjectEvent.of(new Feedback(readNullableString(in), readNullableString(in), readStrings(in),
                    Verdict.values()[in.readEnum()], readNullableString(in), readNullableInstant(in))));

    private FeedbackRecords() {
    }

    public static List<AvroCodec<?>> all() {
        return List.of(FACTS, SUBJECT_EVENTS);
    }

    private static void writeFacts(SubjectFacts facts, Encoder out) throws IOException {
        writeStrings(out, facts.contacts());
        writeStrings(out, facts.postKeys());
        out.writeLong(facts.seen());
        writeNullable(out, facts.text(), (text, o) -> {
            o.writeString(text.text());
            writeNullableString(o, text.lang());
            writeNullableString(o, text.kind());
            writeNullableString(o, text.source());
            o.writeEnum(text.scoredAs() == Category.LURE ? 0 : 1);
        });
    }

    private static SubjectFacts readFacts(Decoder in) throws IOException {
        return new SubjectFacts(readStrings(in), readStrings(in), in.readLong(), readNullable(in, i -> new PostText(
                i.readString(), readNullableString(i), readNullableString(i), readNullableString(i),
                i.readEnum() == 0 ? Category.LURE : Category.JOB_SCAM)));
    }
}
