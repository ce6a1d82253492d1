package org.lurewatch.assess.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.lurewatch.kafka.Json;

/**
 * A directory of trained models from which running instances take the live one, and optionally a candidate to
 * score in shadow, without a restart:
 * <pre>
 *   registry/models/lure-doccat-2.1.bin   every model added (never overwritten: a version is immutable)
 *   registry/live                         the file name of the live model
 *   registry/candidate                    the file name of the shadow candidate (absent: no shadow)
 *   registry/history.jsonl                every promotion, rollback and shadow change: when, what, by whom
 * </pre>
 * Pointers are written to a temporary file and moved into place, so an instance reading them never sees half a
 * name; a model is checked (it loads, it is a Lurewatch model) before any pointer names it. Instances poll the
 * pointers ({@code app.ModelWatcher}); several instances can share one registry on a shared volume.
 */
public final class ModelRegistry {
    static final String MODELS = "models";
    static final String LIVE = "live";
    static final String CANDIDATE = "candidate";
    static final String HISTORY = "history.jsonl";

    private final Path dir;

    private ModelRegistry(Path dir) {
        this.dir = dir;
    }

    /** The registry in {@code dir}, created if missing. */
    public static ModelRegistry at(Path dir) {
        try {
            Files.createDirectories(dir.resolve(MODELS));
        } catch (IOException e) {
            throw new ModelLoadException("cannot create the model registry " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return new ModelRegistry(dir);
    }

    public Path dir() {
        return dir;
    }

    /** One model in the registry. */
    public record Entry(String file, String version, long bytes, boolean live, boolean candidate) {
    }

    /** Every model, by file name. */
    public List<Entry> list() {
        Optional<String> live = pointer(LIVE);
        Optional<String> candidate = pointer(CANDIDATE);
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve(MODELS))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".bin")).sorted().toList()) {
                String name = f.getFileName().toString();
                String version;
                try {
                    version = LureModel.load(f).version();
                } catch (ModelLoadException e) {
                    version = "unreadable: " + e.getMessage();
                }
                out.add(new Entry(name, version, Files.size(f), live.map(name::equals).orElse(false),
                        candidate.map(name::equals).orElse(false)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.resolve(MODELS), e);
        }
        return out;
    }

    /**
     * Copies a trained model in, under its own file name. A file of that name already there must be the same
     * bytes: versions are immutable, so a retrained model needs a new version.
     */
    public Path add(Path modelFile) {
        LureModel.load(modelFile);
        Path target = dir.resolve(MODELS).resolve(modelFile.getFileName());
        try {
            if (Files.exists(target)) {
                if (Files.mismatch(target, modelFile) != -1) {
                    throw new IllegalArgumentException(target.getFileName() + " is already in the registry with other"
                            + " contents: a model version is never overwritten; train with a new --model-version");
                }
                return target;
            }
            Path tmp = Files.createTempFile(dir.resolve(MODELS), ".adding-", ".tmp");
            Files.copy(modelFile, tmp, StandardCopyOption.REPLACE_EXISTING);
            move(tmp, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add " + modelFile + " to " + dir, e);
        }
    }

    /** The live model's file, if one is set. */
    public Optional<Path> live() {
        return pointer(LIVE).map(name -> dir.resolve(MODELS).resolve(name));
    }

    /** The shadow candidate's file, if one is set. */
    public Optional<Path> candidate() {
        return pointer(CANDIDATE).map(name -> dir.resolve(MODELS).resolve(name));
    }

    /** Makes a model live; it must be in the registry and load. */
    public void promote(String file, String by) {
        Path model = existing(file);
        LureModel.load(model);
        String previous = pointer(LIVE).orElse(null);
        write(LIVE, file);
        if (file.equals(pointer(CANDIDATE).orElse(null))) {
            delete(CANDIDATE);
        }
        record("promote", previous, file, by);
    }

    /** Makes the model that was live before the current one live again. */
    public String rollback(String by) {
        String current = pointer(LIVE).orElseThrow(() -> new IllegalArgumentException("no live model to roll back from"));
        String previous = null;
        for (JsonNode event : history()) {
            if (current.equals(event.path("to").asText()) && (event.path("action").asText().equals("promote"))
                    && !event.path("from").isNull() && !event.path("from").asText().isEmpty()) {
                previous = event.path("from").asText();
            }
        }
        if (previous == null) {
            throw new IllegalArgumentException("the history has no model that was live before " + current);
        }
        existing(previous);
        write(LIVE, previous);
        record("rollback", current, previous, by);
        return previous;
    }

    /** Scores a candidate in shadow beside the live model. */
    public void shadow(String file, String by) {
        LureModel.load(existing(file));
        String previous = pointer(CANDIDATE).orElse(null);
        write(CANDIDATE, file);
        record("shadow", previous, file, by);
    }

    /** Stops shadow scoring. */
    public void unshadow(String by) {
        String previous = pointer(CANDIDATE).orElse(null);
        delete(CANDIDATE);
        record("unshadow", previous, null, by);
    }

    /** The history, oldest first. */
    public List<JsonNode> history() {
        Path f = dir.resolve(HISTORY);
        if (!Files.exists(f)) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(Json.mapper().readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
        return out;
    }

    private Path existing(String file) {
        if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw new IllegalArgumentException("give the model's file name in the registry, such as lure-doccat-2.1.bin, not '" + file + "'");
        }
        Path model = dir.resolve(MODELS).resolve(file);
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException(file + " is not in the registry " + dir.resolve(MODELS).toAbsolutePath()
                    + " (add it with 'lurewatch models add FILE')");
        }
        return model;
    }

    private Optional<String> pointer(String name) {
        Path f = dir.resolve(name);
        try {
            if (!Files.exists(f)) {
                return Optional.empty();
            }
            String value = Files.readString(f, StandardCharsets.UTF_8).trim();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private void write(String name, String value) {
        try {
            Path tmp = Files.createTempFile(dir, "." + name + "-", ".tmp");
            Files.writeString(tmp, value + "\n", StandardCharsets.UTF_8);
            move(tmp, dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name), e);
        }
    }

    private void delete(String name) {
        try {
            Files.deleteIfExists(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir.resolve(name), e);
        }
    }

    private void record(String action, String from, String to, String by) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("time", Instant.now().toString());
        event.put("action", action);
        event.put("from", from);
        event.put("to", to);
        event.put("by", by);
        try {
            Files.writeString(dir.resolve(HISTORY), event + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve(HISTORY), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
