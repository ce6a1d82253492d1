package org.lurewatch.partner;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the body of {@code POST /v1/flags} into flags, all or nothing: a body that is not UTF-8, holds a line that
 * is not a JSON object, or holds more flags than allowed is refused as a whole (a problem, nothing written). Whether
 * each well-formed flag is a valid envelope is decided per flag afterwards ({@link FlagChecks}).
 * <ul>
 *   <li>{@code application/json}: one envelope;</li>
 *   <li>{@code application/x-ndjson} (also {@code application/ndjson}, {@code application/jsonl}): one envelope per
 *       line; blank lines are skipped.</li>
 * </ul>
 */
final class FlagRequests {
    static final List<String> ACCEPTED_TYPES = List.of("application/json", "application/x-ndjson", "application/ndjson",
            "application/jsonl");
    private static final int MAX_LISTED_ERRORS = 20;
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private FlagRequests() {
    }

    /** One flag as sent: its place in the body (0-based index among flags, 1-based line) and its JSON. */
    record Item(int index, int line, ObjectNode json) {
    }

    /** Whether the body is one envelope (false) or a batch (true), by its media type; 415 for any other. */
    static boolean isBatch(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw PartnerProblems.unsupportedMediaType(null);
        }
        String[] parts = contentType.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset") && parameter.length == 2
                    && !parameter[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw PartnerProblems.unsupportedMediaType(contentType);
            }
        }
        if (!ACCEPTED_TYPES.contains(type)) {
            throw PartnerProblems.unsupportedMediaType(contentType);
        }
        return !type.equals("application/json");
    }

    /** Counts the flags of a batch (its non-blank lines) without parsing them: for the limits, before any work. */
    static int count(byte[] body, boolean batch) {
        if (!batch) {
            return 1;
        }
        int count = 0;
        boolean content = false;
        for (byte b : body) {
            if (b == '\n') {
                count += content ? 1 : 0;
                content = false;
            } else if (b != ' ' && b != '\t' && b != '\r') {
                content = true;
            }
        }
        return count + (content ? 1 : 0);
    }

    /** The flags of a body, or a problem that refuses the whole request. */
    static List<Item> parse(byte[] body, boolean batch, int maxBatch) {
        String text = utf8(body);
        if (text.isBlank()) {
            throw PartnerProblems.malformed("the body is empty; send one envelope, or one per line", List.of());
        }
        if (!batch) {
            try {
                JsonNode node = STRICT.readTree(text);
                if (!(node instanceof ObjectNode object)) {
                    throw PartnerProblems.malformed("the body must be one JSON object (an envelope); for several, send "
                            + "application/x-ndjson, one object per line", List.of());
                }
                return List.of(new Item(0, 1, object));
            } catch (JsonProcessingException e) {
                throw PartnerProblems.malformed("the body is not JSON: " + reason(e), List.of());
            }
        }
        int count = count(body, true);
        if (count > maxBatch) {
            throw PartnerProblems.batchTooLarge(count, maxBatch);
        }
        List<Item> items = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        int errorCount = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            String error;
            try {
                JsonNode node = STRICT.readTree(line);
                if (node instanceof ObjectNode object) {
                    items.add(new Item(items.size(), i + 1, object));
                    continue;
                }
                error = "not a JSON object (one envelope per line)";
            } catch (JsonProcessingException e) {
                error = "not JSON: " + reason(e);
            }
            errorCount++;
            if (errors.size() < MAX_LISTED_ERRORS) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("line", i + 1);
                entry.put("detail", error);
                errors.add(entry);
            }
        }
        if (errorCount > 0) {
            throw PartnerProblems.malformed(errorCount + " of " + count + " lines are not JSON objects"
                    + (errorCount > errors.size() ? " (the first " + errors.size() + " are listed)" : ""), errors);
        }
        return items;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw PartnerProblems.malformed("the body is not valid UTF-8", List.of());
        }
    }

    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        // Jackson quotes what it read; keep the reason short and never echo more than a few characters back.
        message = message.length() > 160 ? message.substring(0, 160) + "..." : message;
        return e.getLocation() == null ? message : message + " (column " + e.getLocation().getColumnNr() + ")";
    }
}
