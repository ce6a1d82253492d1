package org.lurewatch.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every topic Lurewatch uses, as written in {@code topology/topics.yaml}. Alert topics come in families
 * ({@code alerts.hotline.{hotline}}, {@code alerts.partner.{partner}}) that {@link #expand} turns into
 * one concrete topic per hotline or partner id.
 *
 * @param source where the catalogue was read from, for error messages and reports
 * @param topics the specs in file order; templates stay templates until {@link #expand}
 */
public record TopicCatalogue(String source, List<TopicSpec> topics) {

    /** The classpath resource that Maven copies from {@code topology/topics.yaml}. */
    public static final String BUNDLED_RESOURCE = "topology/topics.yaml";
    /** Placeholder for a hotline id, as in {@code alerts.hotline.{hotline}}. */
    public static final String HOTLINE = "hotline";
    /** Placeholder for a partner id, as in {@code alerts.partner.{partner}}. */
    public static final String PARTNER = "partner";

    public TopicCatalogue {
        Objects.requireNonNull(source, "source");
        topics = List.copyOf(topics);
        // Kafka refuses a.b next to a_b (their metric names collide), so catch it here with a clear message.
        Map<String, String> byCollisionName = new HashMap<>();
        for (TopicSpec spec : topics) {
            String other = byCollisionName.putIfAbsent(spec.name().replace('.', '_'), spec.name());
            if (other != null) {
                throw new TopicCatalogueException(source, "'" + spec.name() + "'", "name", other.equals(spec.name())
                        ? "appears twice"
                        : "collides with topic '" + other + "': Kafka treats '.' and '_' in topic names as the same");
            }
        }
    }

    /** Reads a catalogue file. */
    public static TopicCatalogue load(Path yaml) {
        String text;
        try {
            text = Files.readString(yaml, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TopicCatalogueException(yaml.toString(), null, null, "does not exist", e);
        } catch (IOException e) {
            throw new TopicCatalogueException(yaml.toString(), null, null, "cannot be read: " + e.getMessage(), e);
        }
        return parse(text, yaml.toString());
    }

    /** Reads the catalogue bundled in the jar (a copy of {@code topology/topics.yaml}). */
    public static TopicCatalogue loadBundled() {
        String source = "classpath:" + BUNDLED_RESOURCE;
        try (InputStream in = TopicCatalogue.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new TopicCatalogueException(source, null, null,
                        "is not on the classpath; the build copies it from topology/topics.yaml");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw new TopicCatalogueException(source, null, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads a catalogue from YAML text; {@code source} names it in error messages. */
    public static TopicCatalogue parse(String yamlText, String source) {
        return new TopicCatalogue(source, TopicCatalogueReader.read(yamlText, source));
    }

    public List<String> names() {
        return topics.stream().map(TopicSpec::name).toList();
    }

    /** The topic with this exact name (a template by its placeholder name), or empty. */
    public Optional<TopicSpec> find(String name) {
        return topics.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    /** The topic with this exact name; fails with the known names if there is none. */
    public TopicSpec topic(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "no topic '" + name + "' in " + source + "; known topics: " + String.join(", ", names())));
    }

    public boolean hasTemplates() {
        return topics.stream().anyMatch(TopicSpec::isTemplate);
    }

    /**
     * Replaces each template with one topic per id: {@code alerts.hotline.{hotline}} with ids
     * {@code [id-lawa, ph-iacat]} becomes {@code alerts.hotline.id-lawa} and {@code alerts.hotline.ph-iacat}.
     * A family with no ids yields no topics. Repeated ids count once. Concrete topics stay as they are.
     *
     * @throws IllegalArgumentException if an id is blank or makes an illegal topic name
     */
    public TopicCatalogue expand(Collection<String> hotlineIds, Collection<String> partnerIds) {
        Map<String, Collection<String>> idsByPlaceholder = Map.of(HOTLINE, hotlineIds, PARTNER, partnerIds);
        List<TopicSpec> expanded = new ArrayList<>();
        for (TopicSpec spec : topics) {
            Optional<String> placeholder = spec.placeholder();
            if (placeholder.isEmpty()) {
                expanded.add(spec);
                continue;
            }
            for (String id : new LinkedHashSet<>(idsByPlaceholder.get(placeholder.get()))) {
                expanded.add(spec.withName(concreteName(spec.name(), placeholder.get(), id)));
            }
        }
        return new TopicCatalogue(source, expanded);
    }

    /** The same catalogue with every topic at this replication factor (for example 3 on a cluster). */
    public TopicCatalogue withReplicationFactor(short replicationFactor) {
        return new TopicCatalogue(source, topics.stream().map(spec -> spec.withReplicationFactor(replicationFactor)).toList());
    }

    private static String concreteName(String template, String placeholder, String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a " + placeholder + " id must not be blank (expanding " + template + ")");
        }
        String name = template.replace("{" + placeholder + "}", id);
        TopicSpec.nameProblem(name).ifPresent(problem -> {
            throw new IllegalArgumentException(placeholder + " id '" + id + "' makes topic name '" + name
                    + "', which Kafka does not allow: " + problem);
        });
        return name;
    }
}
