package org.lurewatch.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The compact, versioned binary form of one of our internal record types: Avro's single-object encoding, that
 * is the two marker bytes {@code C3 01}, the 8-byte CRC-64-AVRO fingerprint of the writer's schema, then the Avro
 * binary body. Any Avro tool with the schema reads it; a reader that meets a fingerprint it does not know fails
 * with a message naming the record type, instead of misreading the bytes.
 *
 * <p>The body is written and read by hand-written code ({@link Writer}, {@link Reader}) that follows the
 * {@link #schema()} field by field: no reflection and no intermediate generic records on the stream thread. A
 * test reads every codec's output with Avro's own generic reader against the declared schema, so the two
 * cannot drift apart. Used for repartition topics, the campaign command loop and state stores; the external
 * contracts (the JSON envelope in, {@code posts.scored}, CloudEvents out) stay JSON.
 *
 * <p>Evolving a record: add the new schema as a new codec version and keep reading the old fingerprint
 * (records on internal topics live at most the topic's retention, store values until they are rewritten).
 */
public final class AvroCodec<T> implements Serde<T> {
    private static final byte MARKER_1 = (byte) 0xC3;
    private static final byte MARKER_2 = (byte) 0x01;
    private static final int HEADER = 10;
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    /** Writes one value as the body of its schema. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(T value, Encoder out) throws IOException;
    }

    /** Reads one body written by the matching {@link Writer}. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Decoder in) throws IOException;
    }

    private final Schema schema;
    private final byte[] header;
    private final Writer<T> writer;
    private final Reader<T> reader;
    /** Per thread, the values last written or read, by the identity of their bytes; null when not remembering. */
    private final ThreadLocal<Recent<T>> recent;

    private AvroCodec(Schema schema, Writer<T> writer, Reader<T> reader, int remember) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.recent = remember > 0 ? ThreadLocal.withInitial(() -> new Recent<>(remember)) : null;
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        this.header = new byte[HEADER];
        header[0] = MARKER_1;
        header[1] = MARKER_2;
        for (int i = 0; i < 8; i++) {
            header[2 + i] = (byte) (fingerprint >>> (8 * i)); // little-endian, as the Avro specification says
        }
    }

    public static <T> AvroCodec<T> of(Schema schema, Writer<T> writer, Reader<T> reader) {
        return new AvroCodec<>(schema, writer, reader, 0);
    }

    /**
     * The same codec for the values of a cached state store: it remembers, per thread, the last {@code size} values
     * it wrote or read, by the identity of their byte arrays. A cached store hands back on {@code get} the very array
     * its {@code put} stored, so reading a hot campaign back costs a lookup instead of decoding kilobytes. Only ever
     * the same array gives the remembered value, so a store restored from its changelog (new arrays) is decoded as
     * usual. Values must be immutable.
     */
    public AvroCodec<T> rememberingLast(int size) {
        return new AvroCodec<>(schema, writer, reader, size);
    }

    public Schema schema() {
        return schema;
    }

    public byte[] encode(T value) {
        Buffer buffer = BUFFERS.get();
        buffer.reset();
        buffer.write(header, 0, HEADER);
        buffer.encoder = EncoderFactory.get().directBinaryEncoder(buffer, buffer.encoder);
        try {
            writer.write(value, buffer.encoder);
            buffer.encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + schema.getName(), e);
        }
        byte[] bytes = buffer.toByteArray();
        if (recent != null) {
            recent.get().remember(bytes, value);
        }
        return bytes;
    }

    public T decode(byte[] bytes) {
        Recent<T> remembered = recent == null ? null : recent.get();
        if (remembered != null) {
            T value = remembered.get(bytes);
            if (value != null) {
                return value;
            }
        }
        T value = read(bytes);
        if (remembered != null) {
            remembered.remember(bytes, value);
        }
        return value;
    }

    private T read(byte[] bytes) {
        if (bytes.length < HEADER || bytes[0] != MARKER_1 || bytes[1] != MARKER_2) {
            throw new SerializationException("not an Avro single-object record of " + schema.getName());
        }
        if (!Arrays.equals(bytes, 0, HEADER, header, 0, HEADER)) {
            throw new SerializationException("a " + schema.getName() + " record written with a schema this version "
                    + "does not know (fingerprint " + hex(bytes) + "); was it written by a newer Lurewatch?");
        }
        Buffer buffer = BUFFERS.get();
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER, bytes.length - HEADER, buffer.decoder);
        buffer.decoder = decoder;
        try {
            return reader.read(decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read a " + schema.getName() + " record", e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (int i = 2; i < HEADER; i++) {
            s.append(String.format("%02x", bytes[i]));
        }
        return s.toString();
    }

    /** A small ring of (bytes, value) pairs, matched by the identity of the bytes. */
    private static final class Recent<T> {
        private final byte[][] keys;
        private final Object[] values;
        private int next;

        Recent(int size) {
            keys = new byte[size][];
            values = new Object[size];
        }

        @SuppressWarnings("unchecked")
        T get(byte[] bytes) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == bytes) {
                    return (T) values[i];
                }
            }
            return null;
        }

        void remember(byte[] bytes, T value) {
            keys[next] = bytes;
            values[next] = value;
            next = (next + 1) % keys.length;
        }
    }

    /** A reusable output buffer per thread, so that writing a record allocates only its result. */
    private static final class Buffer extends ByteArrayOutputStream {
        BinaryEncoder encoder;
        BinaryDecoder decoder;

        Buffer() {
            super(1024);
        }
    }

    // ---- helpers for writers and readers: the Avro encodings of the shapes our records use ----

    /** {@code ["null", T]}: branch 0 and nothing for null, else branch 1 and the value. */
    public static <E> void writeNullable(Encoder out, E value, Writer<E> item) throws IOException {
        if (value == null) {
            out.writeIndex(0);
            out.writeNull();
        } else {
            out.writeIndex(1);
            item.write(value, out);
        }
    }

    public static <E> E readNullable(Decoder in, Reader<E> item) throws IOException {
        if (in.readIndex() == 0) {
            in.readNull();
            return null;
        }
        return item.read(in);
    }

    /** {@code ["null", "string"]}. */
    public static void writeNullableString(Encoder out, String value) throws IOException {
        writeNullable(out, value, (v, o) -> o.writeString(v));
    }

    public static String readNullableString(Decoder in) throws IOException {
        return readNullable(in, Decoder::readString);
    }

    /** {@code {"type": "array", "items": "string"}}. */
    public static void writeStrings(Encoder out, List<String> values) throws IOException {
        writeArray(out, values, (value, encoder) -> encoder.writeString(value));
    }

    public static List<String> readStrings(Decoder in) throws IOException {
        return readArray(in, Decoder::readString);
    }

    public static <E> void writeArray(Encoder out, List<E> values, Writer<E> item) throws IOException {
        out.writeArrayStart();
        out.setItemCount(values.size());
        for (E value : values) {
            out.startItem();
            item.write(value, out);
        }
        out.writeArrayEnd();
    }

    public static <E> List<E> readArray(Decoder in, Reader<E> item) throws IOException {
        long n = in.readArrayStart();
        List<E> values = new ArrayList<>((int) Math.min(n, 1024));
        while (n > 0) {
            for (long i = 0; i < n; i++) {
                values.add(item.read(in));
            }
            n = in.arrayNext();
        }
        return values;
    }

    /** An instant as {@code long} nanoseconds since the epoch ({@code timestamp-nanos}), so no precision is lost. */
    public static void writeInstant(Encoder out, Instant value) throws IOException {
        out.writeLong(Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000_000L), value.getNano()));
    }

    public static Instant readInstant(Decoder in) throws IOException {
        long nanos = in.readLong();
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** {@code ["null", {"type": "long", "logicalType": "timestamp-nanos"}]}. */
    public static void writeNullableInstant(Encoder out, Instant value) throws IOException {
        writeNullable(out, value, (v, o) -> writeInstant(o, v));
    }

    public static Instant readNullableInstant(Decoder in) throws IOException {
        return readNullable(in, AvroCodec::readInstant);
    }
}
