package org.lurewatch.models;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lurewatch.assess.corpus.LabeledPost;
import org.lurewatch.kafka.Json;

/** Lets tests of other packages train a tiny model, or train one through {@code lurewatch train}. */
public final class TinyModelsAccess {
    private TinyModelsAccess() {
    }

    public static Path train(String version, Path dir) {
        return TinyModels.train(version, dir, 0);
    }

    /**
     * Writes the tiny corpus as the JSON lines {@code lurewatch train --corpus} reads, so a test can train a tiny model
     * through the command itself (about two seconds with {@code --iterations 30 --cutoff 1}).
     */
    public static Path writeCorpus(Path file) {
        StringBuilder lines = new StringBuilder();
        for (LabeledPost post : TinyModels.corpus(0)) {
            ObjectNode line = Json.mapper().createObjectNode().put("id", post.id()).put("source", post.source())
                    .put("text", post.text()).put("label", post.label().wireName());
            lines.append(line).append('\n');
        }
        try {
            return Files.writeString(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
