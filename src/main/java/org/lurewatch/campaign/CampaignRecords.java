package org.lurewatch.campaign;

import static org.lurewatch.kafka.AvroCodec.readArray;
import static org.lurewatch.kafka.AvroCodec.readInstant;
import static org.lurewatch.kafka.AvroCodec.readNullable;
import static org.lurewatch.kafka.AvroCodec.readNullableInstant;
import static org.lurewatch.kafka.AvroCodec.readNullableString;
import static org.lurewatch.kafka.AvroCodec.readStrings;
import static org.lurewatch.kafka.AvroCodec.writeArray;
import static org.lurewatch.kafka.AvroCodec.writeInstant;
import static org.lurewatch.kafka.AvroCodec.writeNullable;
import static org.lurewatch.kafka.AvroCodec.writeNullableInstant;
import static org.lurewatch.kafka.AvroCodec.writeNullableString;
import static org.lurewatch.kafka.AvroCodec.writeStrings;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;
import org.lurewatch.assess.Band;
import org.lurewatch.assess.Evidence;
import org.lurewatch.assess.Indicator;
import org.lurewatch.kafka.AvroCodec;

/**
 * The binary form of every record the campaign step keeps or passes between its steps (repartition topics, the
 * {@code campaign-commands} loop, the state stores): Avro schemas and their codecs ({@link AvroCodec}). The
 * {@code campaigns} topic stays JSON: it is read outside the app.
 */
public final class CampaignRecords {
    static final String NAMESPACE = "org.lurewatch.campaign.v1";

    private static final Schema TIMESTAMP = LogicalTypes.timestampNanos().addToSchema(Schema.create(Schema.Type.LONG));
    private static final Schema STRINGS = Schema.createArray(Schema.create(Schema.Type.STRING));
    static final Schema BAND = SchemaBuilder.enumeration("Band").namespace(NAMESPACE)
            .symbols("LOW", "MEDIUM", "HIGH", "CRITICAL");
    static final Schema EVIDENCE = SchemaBuilder.record("Evidence").namespace(NAMESPACE).fields()
            .requiredInt("start").requiredInt("end").requiredString("text").endRecord();
    static final Schema INDICATOR = SchemaBuilder.record("Indicator").namespace(NAMESPACE).fields()
            .requiredString("code").requiredDouble("weight").requiredString("label").optionalString("local_label")
            .name("evidence").type(Schema.createArray(EVIDENCE)).noDefault()
            .endRecord();
    static final Schema POST_REF = SchemaBuilder.record("PostRef").namespace(NAMESPACE).fields()
            .requiredString("key").requiredString("source").optionalString("url")
            .name("posted_at").type(nullable(TIMESTAMP)).withDefault(null)
            .name("seen_at").type(TIMESTAMP).noDefault()
            .requiredString("language").requiredDouble("score")
            .name("band").type(BAND).noDefault()
            .endRecord();
    static final Schema CAMPAIGN_POST = SchemaBuilder.record("CampaignPost").namespace(NAMESPACE).fields()
            .name("ref").type(POST_REF).noDefault()
            .optionalString("country")
            .name("contacts").type(STRINGS).noDefault()
            .name("indicators").type(Schema.createArray(INDICATOR)).noDefault()
            .requiredString("model_version").requiredString("excerpt")
            .endRecord();
    static final Schema CAMPAIGN = SchemaBuilder.record("Campaign").namespace(NAMESPACE).fields()
            .requiredString("id").requiredLong("revision").requiredInt("size")
            .name("posts").type(Schema.createArray(POST_REF)).noDefault()
            .name("contacts").type(STRINGS).noDefault()
            .name("platforms").type(STRINGS).noDefault()
            .name("languages").type(STRINGS).noDefault()
            .name("countries").type(STRINGS).noDefault()
            .name("first_seen").type(TIMESTAMP).noDefault()
            .name("last_seen").type(TIMESTAMP).noDefault()
            .name("top_post").type(CAMPAIGN_POST).noDefault()
            .name("merged_ids").type(STRINGS).noDefault()
            .optionalString("merged_into")
            .endRecord();
    static final Schema NOTICE = SchemaBuilder.record("Notice").namespace(NAMESPACE).fields()
            .requiredLong("revision").requiredLong("at").requiredInt("size")
            .name("platforms").type(STRINGS).noDefault()
            .name("contacts").type(STRINGS).noDefault()
            .name("band").type(BAND).noDefault()
            .requiredBoolean("pending")
            .endRecord();
    private static final Schema NOTICES = Schema.createMap(NOTICE);
    static final Schema CAMPAIGN_ENTRY = SchemaBuilder.record("CampaignEntry").namespace(NAMESPACE).fields()
            .name("campaign").type(nullable(CAMPAIGN)).withDefault(null)
            .name("notices").type(NOTICES).noDefault()
            .optionalString("alias_of")
            .name("waiting").type(nullable(CAMPAIGN)).withDefault(null)
            .requiredLong("touched")
            .endRecord();
    static final Schema LINK_REQUEST = SchemaBuilder.record("LinkRequest").namespace(NAMESPACE).fields()
            .requiredString("post_key").requiredString("proposal").optionalLong("fingerprint")
            .endRecord();
    static final Schema ARRIVED = SchemaBuilder.record("Arrived").namespace(NAMESPACE).fields()
            .name("post").type(CAMPAIGN_POST).noDefault()
            .requiredString("proposal").requiredInt("links")
            .endRecord();
    static final Schema ANSWERED = SchemaBuilder.record("Answered").namespace(NAMESPACE).fields()
            .requiredString("link_key")
            .name("campaign_ids").type(STRINGS).noDefault()
            .endRecord();
    static final Schema LINK_STEP_INPUT = SchemaBuilder.record("LinkStepInput").namespace(NAMESPACE).fields()
            .name("event").type(Schema.createUnion(LINK_REQUEST, ARRIVED)).noDefault()
            .endRecord();
    static final Schema POST_LINK_EVENT = SchemaBuilder.record("PostLinkEvent").namespace(NAMESPACE).fields()
            .name("event").type(Schema.createUnion(ARRIVED, ANSWERED)).noDefault()
            .endRecord();
    static final Schema JOIN = SchemaBuilder.record("Join").namespace(NAMESPACE).fields()
            .name("post").type(CAMPAIGN_POST).noDefault()
            .requiredString("proposal")
            .endRecord();
    static final Schema UNION = SchemaBuilder.record("Union").namespace(NAMESPACE).fields()
            .requiredString("with")
            .endRecord();
    static final Schema ABSORB = SchemaBuilder.record("Absorb").namespace(NAMESPACE).fields()
            .name("campaign").type(CAMPAIGN).noDefault()
            .name("notices").type(NOTICES).noDefault()
            .endRecord();
    static final Schema CAMPAIGN_COMMAND = SchemaBuilder.record("CampaignCommand").namespace(NAMESPACE).fields()
            .name("command").type(Schema.createUnion(JOIN, UNION, ABSORB)).noDefault()
            .endRecord();
    static final Schema LINK_ENTRY = SchemaBuilder.record("LinkEntry").namespace(NAMESPACE).fields()
            .requiredString("campaign_id").optionalLong("fingerprint").requiredLong("last_seen")
            .endRecord();
    static final Schema LINK_BUCKET = SchemaBuilder.record("LinkBucket").namespace(NAMESPACE).fields()
            .name("entries").type(Schema.createArray(LINK_ENTRY)).noDefault()
            .endRecord();
    static final Schema PENDING_POST = SchemaBuilder.record("PendingPost").namespace(NAMESPACE).fields()
            .name("arrived").type(nullable(ARRIVED)).withDefault(null)
            .name("answers").type(Schema.createMap(STRINGS)).noDefault()
            .requiredLong("since")
            .endRecord();

    /** Value of the {@code campaign-links} repartition topic. */
    public static final AvroCodec<LinkStepInput> LINK_STEP_INPUTS = AvroCodec.of(LINK_STEP_INPUT, (value, out) -> {
        if (value instanceof LinkRequest request) {
            out.writeIndex(0);
            writeLinkRequest(out, request);
        } else {
            out.writeIndex(1);
            writeArrived(out, (PostLinkEvent.Arrived) value);
        }
    }, in -> in.readIndex() == 0 ? readLinkRequest(in) : readArrived(in));

    /** Value of the {@code campaign-posts} repartition topic. */
    public static final AvroCodec<PostLinkEvent> POST_LINK_EVENTS = AvroCodec.of(POST_LINK_EVENT, (value, out) -> {
        if (value instanceof PostLinkEvent.Arrived arrived) {
            out.writeIndex(0);
            writeArrived(out, arrived);
        } else {
            PostLinkEvent.Answered answered = (PostLinkEvent.Answered) value;
            out.writeIndex(1);
            out.writeString(answered.linkKey());
            writeStrings(out, answered.campaignIds());
        }
    }, in -> in.readIndex() == 0 ? readArrived(in) : new PostLinkEvent.Answered(in.readString(), readStrings(in)));

    /** Value of the {@code campaign-commands} topic. */
    public static final AvroCodec<CampaignCommand> COMMANDS = AvroCodec.of(CAMPAIGN_COMMAND, (value, out) -> {
        if (value instanceof CampaignCommand.Join join) {
            out.writeIndex(0);
            writeCampaignPost(out, join.post());
            out.writeString(join.proposal());
        } else if (value instanceof CampaignCommand.Union union) {
            out.writeIndex(1);
            out.writeString(union.with());
        } else {
            CampaignCommand.Absorb absorb = (CampaignCommand.Absorb) value;
            out.writeIndex(2);
            writeCampaign(out, absorb.campaign());
            writeNotices(out, absorb.notices());
        }
    }, in -> switch (in.readIndex()) {
        case 0 -> new CampaignCommand.Join(readCampaignPost(in), in.readString());
        case 1 -> new CampaignCommand.Union(in.readString());
        default -> new CampaignCommand.Absorb(readCampaign(in), readNotices(in));
    });

    /** Value of the {@value CampaignTopology#LINK_STORE} store. */
    public static final AvroCodec<LinkBucket> LINK_BUCKETS = AvroCodec.of(LINK_BUCKET,
            (value, out) -> writeArray(out, value.entries(), (entry, o) -> {
                o.writeString(entry.campaignId());
                writeNullableLong(o, entry.fingerprint());
                o.writeLong(entry.lastSeen());
            }),
            in -> new LinkBucket(readArray(in, i -> new LinkBucket.Entry(i.readString(), readNullableLong(i), i.readLong()))));

    /** Value of the {@value CampaignTopology#PENDING_STORE} store. */
    public static final AvroCodec<PendingPost> PENDING_POSTS = AvroCodec.of(PENDING_POST, (value, out) -> {
        writeNullable(out, value.arrived(), (arrived, o) -> writeArrived(o, arrived));
        out.writeMapStart();
        out.setItemCount(value.answers().size());
        for (Map.Entry<String, List<String>> answer : value.answers().entrySet()) {
            out.startItem();
            out.writeString(answer.getKey());
            writeStrings(out, answer.getValue());
        }
        out.writeMapEnd();
        out.writeLong(value.since());
    }, in -> {
        PostLinkEvent.Arrived arrived = readNullable(in, CampaignRecords::readArrived);
        Map<String, List<String>> answers = new HashMap<>();
        for (long n = in.readMapStart(); n > 0; n = in.mapNext()) {
            for (long i = 0; i < n; i++) {
                answers.put(in.readString(), readStrings(in));
            }
        }
        return new PendingPost(arrived, answers, in.readLong());
    });

    /** Value of the {@value CampaignTopology#CAMPAIGN_STORE} store. */
    public static final AvroCodec<CampaignEntry> CAMPAIGN_ENTRIES = AvroCodec.of(CAMPAIGN_ENTRY, (value, out) -> {
        writeNullableCampaign(out, value.campaign());
        writeNotices(out, value.notices());
        writeNullableString(out, value.aliasOf());
        writeNullableCampaign(out, value.waiting());
        out.writeLong(value.touched());
    }, in -> new CampaignEntry(readNullableCampaign(in), readNotices(in), readNullableString(in),
            readNullableCampaign(in), in.readLong()));

    private CampaignRecords() {
    }

    /** Every codec, for tests and for {@code describe}. */
    public static List<AvroCodec<?>> all() {
        return List.of(LINK_STEP_INPUTS, POST_LINK_EVENTS, COMMANDS, LINK_BUCKETS, PENDING_POSTS, CAMPAIGN_ENTRIES);
    }

    private static Schema nullable(Schema schema) {
        return Schema.createUnion(Schema.create(Schema.Type.NULL), schema);
    }

    private static void writeNullableLong(Encoder out, Long value) throws IOException {
        writeNullable(out, value, (v, o) -> o.writeLong(v));
    }

    private static Long readNullableLong(Decoder in) throws IOException {
        return readNullable(in, Decoder::readLong);
    }

    private static void writeLinkRequest(Encoder out, LinkRequest request) throws IOException {
        out.writeString(request.postKey());
        out.writeString(request.proposal());
        writeNullableLong(out, request.fingerprint());
    }

    private static LinkRequest readLinkRequest(Decoder in) throws IOException {
        return new LinkRequest(in.readString(), in.readString(), readNullableLong(in));
    }

    private static void writeArrived(Encoder out, PostLinkEvent.Arrived arrived) throws IOException {
        writeCampaignPost(out, arrived.post());
        out.writeString(arrived.proposal());
        out.writeInt(arrived.links());
    }

    private static PostLinkEvent.Arrived readArrived(Decoder in) throws IOException {
        return new PostLinkEvent.Arrived(readCampaignPost(in), in.readString(), in.readInt());
    }

    static void writePostRef(Encoder out, PostRef ref) throws IOException {
        out.writeString(ref.key());
        out.writeString(ref.source());
        writeNullableString(out, ref.url());
        writeNullableInstant(out, ref.postedAt());
        writeInstant(out, ref.seenAt());
        out.writeString(ref.language());
        out.writeDouble(ref.score());
        out.writeEnum(ref.band().ordinal());
    }

    static PostRef readPostRef(Decoder in) throws IOException {
        return new PostRef(in.readString(), in.readString(), readNullableString(in), readNullableInstant(in),
                readInstant(in), in.readString(), in.readDouble(), Band.values()[in.readEnum()]);
    }

    private static void writeCampaignPost(Encoder out, CampaignPost post) throws IOException {
        writePostRef(out, post.ref());
        writeNullableString(out, post.country());
        writeStrings(out, post.contacts());
        writeArray(out, post.indicators(), CampaignRecords::writeIndicator);
        out.writeString(post.modelVersion());
        out.writeString(post.excerpt());
    }

    private static CampaignPost readCampaignPost(Decoder in) throws IOException {
        return new CampaignPost(readPostRef(in), readNullableString(in), readStrings(in),
                readArray(in, CampaignRecords::readIndicator), in.readString(), in.readString());
    }

    private static void writeIndicator(Indicator indicator, Encoder out) throws IOException {
        out.writeString(indicator.code());
        out.writeDouble(indicator.weight());
        out.writeString(indicator.label());
        writeNullableString(out, indicator.localLabel());
        writeArray(out, indicator.evidence(), (span, o) -> {
            o.writeInt(span.start());
            o.writeInt(span.end());
            o.writeString(span.text());
        });
    }

    private static Indicator readIndicator(Decoder in) throws IOException {
        return new Indicator(in.readString(), in.readDouble(), in.readString(), readNullableString(in),
                readArray(in, i -> new Evidence(i.readInt(), i.readInt(), i.readString())));
    }

    static void writeCampaign(Encoder out, Campaign campaign) throws IOException {
        out.writeString(campaign.id());
        out.writeLong(campaign.revision());
        out.writeInt(campaign.size());
        writeArray(out, campaign.posts(), (ref, o) -> writePostRef(o, ref));
        writeStrings(out, campaign.contacts());
        writeStrings(out, campaign.platforms());
        writeStrings(out, campaign.languages());
        writeStrings(out, campaign.countries());
        writeInstant(out, campaign.firstSeen());
        writeInstant(out, campaign.lastSeen());
        writeCampaignPost(out, campaign.topPost());
        writeStrings(out, campaign.mergedIds());
        writeNullableString(out, campaign.mergedInto());
    }

    static Campaign readCampaign(Decoder in) throws IOException {
        return new Campaign(in.readString(), in.readLong(), in.readInt(), readArray(in, CampaignRecords::readPostRef),
                readStrings(in), readStrings(in), readStrings(in), readStrings(in), readInstant(in), readInstant(in),
                readCampaignPost(in), readStrings(in), readNullableString(in));
    }

    private static void writeNullableCampaign(Encoder out, Campaign campaign) throws IOException {
        writeNullable(out, campaign, (c, o) -> writeCampaign(o, c));
    }

    private static Campaign readNullableCampaign(Decoder in) throws IOException {
        return readNullable(in, CampaignRecords::readCampaign);
    }

    /** In key order, so that equal maps give equal bytes. */
    private static void writeNotices(Encoder out, Map<String, Notice> notices) throws IOException {
        out.writeMapStart();
        out.setItemCount(notices.size());
        for (Map.Entry<String, Notice> entry : new TreeMap<>(notices).entrySet()) {
            out.startItem();
            out.writeString(entry.getKey());
            Notice notice = entry.getValue();
            out.writeLong(notice.revision());
            out.writeLong(notice.at());
            out.writeInt(notice.size());
            writeStrings(out, notice.platforms());
            writeStrings(out, notice.contacts());
            out.writeEnum(notice.band().ordinal());
            out.writeBoolean(notice.pending());
        }
        out.writeMapEnd();
    }

    private static Map<String, Notice> readNotices(Decoder in) throws IOException {
        Map<String, Notice> notices = new HashMap<>();
        for (long n = in.readMapStart(); n > 0; n = in.mapNext()) {
            for (long i = 0; i < n; i++) {
                String destination = in.readString();
                notices.put(destination, new Notice(in.readLong(), in.readLong(), in.readInt(), readStrings(in),
                        readStrings(in), Band.values()[in.readEnum()], in.readBoolean()));
            }
        }
        return notices;
    }
}
