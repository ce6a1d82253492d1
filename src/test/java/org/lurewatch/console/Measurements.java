package org.lurewatch.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.lurewatch.kafka.Json;

/**
 * Figures the console's tests measure as they run (page load with 10,000 alerts, the verdict round trip): printed as
 * one {@code console-measure} line each and written to {@code target/console-measure/<name>.json}. The machine is
 * shared and noisy; compare runs on one machine, not across machines.
 */
final class Measurements {
    static final Path DIRECTORY = Path.of("target", "console-measure");

    private Measurements() {
    }

    static void record(String name, Map<String, ?> figures) {
        Map<String, Object> sorted = new TreeMap<>(figures);
        try {
            String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(sorted);
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(name + ".json"), json + "\n");
            System.out.println("console-measure " + name + " " + Json.mapper().writeValueAsString(sorted));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
