package org.lurewatch.ingest;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The headers a dead letter carries. The value of the record is always the original bytes, untouched. */
public final class DeadLetterHeaders {
    public static final String REASON = "lurewatch.dlq.reason";
    public static final String DETAIL = "lurewatch.dlq.detail";
    public static final String SOURCE_TOPIC = "lurewatch.dlq.source.topic";
    public static final String SOURCE_PARTITION = "lurewatch.dlq.source.partition";
    public static final String SOURCE_OFFSET = "lurewatch.dlq.source.offset";

    private static final int MAX_DETAIL_CHARS = 1_000;

    private DeadLetterHeaders() {
    }

    /** The original headers plus ours, so nothing the producer attached is lost. */
    public static Headers of(Headers original, DeadLetter letter) {
        Headers headers = new RecordHeaders(original == null ? new RecordHeaders().toArray() : original.toArray());
        put(headers, REASON, letter.reason().wireName());
        String detail = letter.detail();
        put(headers, DETAIL, detail.length() > MAX_DETAIL_CHARS ? detail.substring(0, MAX_DETAIL_CHARS) : detail);
        put(headers, SOURCE_TOPIC, letter.sourceTopic());
        put(headers, SOURCE_PARTITION, Integer.toString(letter.sourcePartition()));
        put(headers, SOURCE_OFFSET, Long.toString(letter.sourceOffset()));
        return headers;
    }

    public static String get(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
