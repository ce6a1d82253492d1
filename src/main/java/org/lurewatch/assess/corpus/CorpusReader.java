package org.lurewatch.assess.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.lurewatch.assess.Category;
import org.lurewatch.ingest.PostKind;
import org.lurewatch.kafka.Json;

/**
 * Reads labelled JSON lines: the corpus format, real texts ({@code models/real/}, with a source {@code group}), or
 * files with only {@code text} and a 0/1 {@code label} (DIFrauD), where 1 is a lure and 0 benign. A line that cannot be read stops the read with its file and
 * line number; blank lines are skipped.
 */
public final class CorpusReader {
    private CorpusReader() {
    }

    /** All {@code *.jsonl} files of a directory in name order, or the one file given. */
    public static List<LabeledPost> read(Path path) {
        if (Files.isDirectory(path)) {
            List<LabeledPost> out = new ArrayList<>();
            try (Stream<Path> s = Files.list(path)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                    out.addAll(readFile(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + path, e);
            }
            return out;
        }
        return readFile(path);
    }

    private static List<LabeledPost> readFile(Path file) {
        List<LabeledPost> out = new ArrayList<>();
        String name = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(parse(Json.mapper().readTree(line), name + "-" + n));
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ":" + n + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    static LabeledPost parse(JsonNode n, String fallbackId) {
        JsonNode text = n.get("text");
        if (text == null || !text.isTextual()) {
            throw new IllegalArgumentException("missing 'text'");
        }
        JsonNode label = n.get("label");
        if (label == null || label.isNull()) {
            throw new IllegalArgumentException("missing 'label'");
        }
        Category category;
        if (label.isNumber() || label.asText().matches("[01]")) {
            category = label.asInt() == 1 ? Category.LURE : Category.BENIGN;
        } else {
            try {
                category = Category.fromWire(label.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown label '" + label.asText()
                        + "', expected lure, job_scam, distress, benign, 0 or 1");
            }
        }
        PostKind kind = null;
        if (n.hasNonNull("kind")) {
            try {
                kind = PostKind.fromWire(n.get("kind").asText().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                kind = PostKind.SOCIAL_POST;
            }
        }
        String group = n.hasNonNull("group") ? n.get("group").asText() : null;
        return new LabeledPost(
                n.hasNonNull("id") ? n.get("id").asText() : fallbackId,
                kind,
                n.hasNonNull("source") ? n.get("source").asText() : null,
                n.hasNonNull("lang") ? n.get("lang").asText() : null,
                // a real text's title is the title of the page that quotes it, provenance, not part of the text
                group == null && n.hasNonNull("title") ? n.get("title").asText() : "",
                text.asText(),
                category,
                n.path("hard").asBoolean(false),
                n.path("obfuscated").asBoolean(false),
                group);
    }
}
