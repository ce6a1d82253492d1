package org.lurewatch.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.lurewatch.alert.Routes;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.PipelineEvents;

/**
 * The committed text form of each sub-topology, {@code topology/<name>.txt}, named after its first source
 * node ({@code ingest-feeds} gives {@code ingest.txt}). A test fails when a committed file is stale, so a
 * reviewer sees every change to processors, stores and internal topics in the diff.
 */
public final class TopologyDescriptions {
    private TopologyDescriptions() {
    }

    /** The topology as it runs, built without a scorer: describing it never creates processors. */
    public static Topology topology(Routes routes) {
        return LurewatchTopology.build(Topics.defaults(), routes, 20_000, () -> {
            throw new IllegalStateException("describing a topology must not create processors");
        }, PipelineEvents.NONE);
    }

    /** File name to content, one per sub-topology. */
    public static Map<String, String> render(Topology topology) {
        Map<String, String> files = new TreeMap<>();
        for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
            String name = subtopology.nodes().stream()
                    .filter(node -> node instanceof TopologyDescription.Source)
                    .map(TopologyDescription.Node::name)
                    .sorted()
                    .findFirst()
                    .map(source -> source.contains("-") ? source.substring(0, source.indexOf('-')) : source)
                    .orElse("subtopology-" + subtopology.id());
            String text = subtopology.toString().replaceFirst("Sub-topology: \\d+", "Sub-topology: " + name);
            files.merge(name + ".txt", text, (a, b) -> a + "\n" + b);
        }
        for (TopologyDescription.GlobalStore store : topology.describe().globalStores()) {
            files.merge("global-stores.txt", store.toString(), (a, b) -> a + "\n" + b);
        }
        return files;
    }

    public static void write(Map<String, String> files, Path directory) {
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write topology descriptions to " + directory, e);
        }
    }
}
