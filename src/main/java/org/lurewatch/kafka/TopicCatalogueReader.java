package org.lurewatch.kafka;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Turns the text of {@code topics.yaml} into topic specs, checking every field by hand so that each
 * error names the file, the topic and the field, in words a person editing the file understands.
 */
final class TopicCatalogueReader {

    static final Set<String> PLACEHOLDERS = Set.of(TopicCatalogue.HOTLINE, TopicCatalogue.PARTNER);

    private static final List<String> TOP_LEVEL_FIELDS = List.of("topics", "replicationFactor");
    private static final List<String> TOPIC_FIELDS = List.of("name", "partitions", "retention", "cleanupPolicy",
            "replicationFactor", "configs", "writers", "readers", "description");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final String COMPACT = TopicConfig.CLEANUP_POLICY_COMPACT;
    private static final String DELETE = TopicConfig.CLEANUP_POLICY_DELETE;
    private static final String COMPACT_DELETE = COMPACT + "," + DELETE;
    private static final String FOREVER = "forever";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            // A key written twice is a mistake, not "the last one wins".
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String source;

    private TopicCatalogueReader(String source) {
        this.source = source;
    }

    static List<TopicSpec> read(String yamlText, String source) {
        return new TopicCatalogueReader(source).read(yamlText);
    }

    private List<TopicSpec> read(String yamlText) {
        JsonNode root = parse(yamlText);
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw error(null, null, "is empty; expected a 'topics' list");
        }
        if (!root.isObject()) {
            throw error(null, null, "must be a map with a 'topics' list, found " + kind(root));
        }
        rejectUnknownFields(root, TOP_LEVEL_FIELDS, null);
        short defaultReplication = root.has("replicationFactor")
                ? replicationFactor(root.get("replicationFactor"), null)
                : TopicSpec.BROKER_DEFAULT_REPLICATION_FACTOR;
        JsonNode topics = root.get("topics");
        if (topics == null || topics.isNull()) {
            throw error(null, "topics", "is missing; list the topics under 'topics:'");
        }
        if (!topics.isArray()) {
            throw error(null, "topics", "must be a list of topics, found " + kind(topics));
        }
        List<TopicSpec> specs = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < topics.size(); i++) {
            TopicSpec spec = topic(topics.get(i), i + 1, defaultReplication);
            Integer earlier = positions.putIfAbsent(spec.name(), i + 1);
            if (earlier != null) {
                throw error(quoted(spec.name()), "name", "appears twice (topics #" + earlier + " and #" + (i + 1) + ")");
            }
            specs.add(spec);
        }
        return specs;
    }

    private JsonNode parse(String yamlText) {
        try {
            return YAML.readTree(yamlText);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
            throw new TopicCatalogueException(source, null, null, "is not valid YAML: " + e.getOriginalMessage() + at, e);
        }
    }

    private TopicSpec topic(JsonNode node, int position, short defaultReplication) {
        String label = "#" + position;
        if (!node.isObject()) {
            throw error(label, null, "must be a map of fields (name, partitions, ...), found " + kind(node));
        }
        label = node.path("name").isTextual() ? quoted(node.get("name").asText()) : label;
        rejectUnknownFields(node, TOPIC_FIELDS, label);

        String name = name(node.get("name"), label);
        label = quoted(name);
        int partitions = partitions(required(node, "partitions", label), label);
        Retention retention = retention(required(node, "retention", label), label);
        String cleanupPolicy = cleanupPolicy(node.get("cleanupPolicy"), retention, label);
        short replication = node.has("replicationFactor")
                ? replicationFactor(node.get("replicationFactor"), label)
                : defaultReplication;

        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy);
        retention.millis().ifPresent(ms -> configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(ms)));
        configs.putAll(extraConfigs(node.get("configs"), label));

        return new TopicSpec(name, partitions, replication, configs,
                names(required(node, "writers", label), "writers", label),
                names(required(node, "readers", label), "readers", label),
                text(required(node, "description", label), "description", label));
    }

    private String name(JsonNode node, String label) {
        if (node == null || node.isNull()) {
            throw error(label, "name", "is missing; every topic needs a name");
        }
        String name = text(node, "name", label);
        Matcher placeholders = PLACEHOLDER.matcher(name);
        int count = 0;
        while (placeholders.find()) {
            count++;
            if (!PLACEHOLDERS.contains(placeholders.group(1))) {
                throw error(quoted(name), "name", "has unknown placeholder {" + placeholders.group(1)
                        + "}; known placeholders are {" + TopicCatalogue.HOTLINE + "} and {" + TopicCatalogue.PARTNER + "}");
            }
        }
        if (count > 1) {
            throw error(quoted(name), "name", "may hold at most one placeholder");
        }
        // Check the name as it will be once the placeholder is filled in with an ordinary id.
        TopicSpec.nameProblem(PLACEHOLDER.matcher(name).replaceAll("x"))
                .ifPresent(problem -> {
                    throw error(quoted(name), "name", "is not a legal Kafka topic name: " + problem);
                });
        return name;
    }

    private int partitions(JsonNode node, String label) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw error(label, "partitions", "must be a whole number, found " + describe(node));
        }
        if (node.intValue() < 1) {
            throw error(label, "partitions", "must be at least 1, was " + node.intValue());
        }
        return node.intValue();
    }

    private short replicationFactor(JsonNode node, String label) {
        if (!node.isIntegralNumber() || node.longValue() < 1 || node.longValue() > Short.MAX_VALUE) {
            throw error(label, "replicationFactor", "must be a whole number of at least 1, found " + describe(node));
        }
        return node.shortValue();
    }

    /** Parses {@code 7d}, {@code 12h}, {@code 30m}, {@code 45s}, {@code 500ms}, bare milliseconds, forever, compact. */
    private Retention retention(JsonNode node, String label) {
        String hint = "must be a duration such as 7d, 12h, 30m, 45s or 500ms, a number of milliseconds, "
                + "'forever' or 'compact'; found " + describe(node);
        if (node.isIntegralNumber()) {
            if (node.longValue() < 1) {
                throw error(label, "retention", hint);
            }
            return Retention.of(node.longValue());
        }
        if (!node.isTextual()) {
            throw error(label, "retention", hint);
        }
        String text = node.asText().strip();
        if (text.equals(COMPACT)) {
            return Retention.COMPACTED;
        }
        if (text.equals(FOREVER)) {
            return Retention.of(-1);
        }
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            long ms = parseLong(text, label);
            if (ms < 1) {
                throw error(label, "retention", hint);
            }
            return Retention.of(ms);
        }
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw error(label, "retention", hint);
        }
        long amount = parseLong(matcher.group(1), label);
        Duration duration = switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (duration.isZero()) {
            throw error(label, "retention", hint);
        }
        return Retention.of(duration.toMillis());
    }

    private long parseLong(String digits, String label) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error(label, "retention", "is too large: " + digits);
        }
    }

    private String cleanupPolicy(JsonNode node, Retention retention, String label) {
        if (node == null || node.isNull()) {
            return retention.compacted() ? COMPACT : DELETE;
        }
        if (!node.isTextual()) {
            throw error(label, "cleanupPolicy", "must be delete, compact or compact,delete; found " + describe(node));
        }
        List<String> parts = List.of(node.asText().replace(" ", "").split(","));
        String policy = parts.contains(COMPACT) && parts.contains(DELETE) && parts.size() == 2
                ? COMPACT_DELETE
                : String.join(",", parts);
        if (!Set.of(DELETE, COMPACT, COMPACT_DELETE).contains(policy)) {
            throw error(label, "cleanupPolicy", "must be delete, compact or compact,delete; found '" + node.asText() + "'");
        }
        if (retention.compacted() && !policy.equals(COMPACT)) {
            throw error(label, "cleanupPolicy", "is '" + policy + "' but retention is 'compact'; use cleanupPolicy "
                    + "compact, or give retention a duration to delete by time");
        }
        if (!retention.compacted() && policy.equals(COMPACT)) {
            throw error(label, "cleanupPolicy", "is 'compact', which never deletes by time, but retention is a "
                    + "duration; use retention: compact, or cleanupPolicy: compact,delete");
        }
        return policy;
    }

    private Map<String, String> extraConfigs(JsonNode node, String label) {
        Map<String, String> configs = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return configs;
        }
        if (!node.isObject()) {
            throw error(label, "configs", "must be a map of Kafka topic configs, found " + kind(node));
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            if (key.equals(TopicConfig.CLEANUP_POLICY_CONFIG) || key.equals(TopicConfig.RETENTION_MS_CONFIG)) {
                throw error(label, "configs." + key, "is set by the topic's "
                        + (key.equals(TopicConfig.RETENTION_MS_CONFIG) ? "'retention'" : "'cleanupPolicy'")
                        + " field; set it there instead");
            }
            if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                throw error(label, "configs." + key, "must be a single value, found " + kind(entry.getValue()));
            }
            configs.put(key, entry.getValue().asText());
        }
        return configs;
    }

    private List<String> names(JsonNode node, String field, String label) {
        if (!node.isArray() || node.isEmpty()) {
            throw error(label, field, "must be a non-empty list such as [ingest], found " + describe(node));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode element : node) {
            names.add(text(element, field, label));
        }
        return names;
    }

    private String text(JsonNode node, String field, String label) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw error(label, field, "must be non-empty text, found " + describe(node));
        }
        return node.asText().strip();
    }

    private JsonNode required(JsonNode topic, String field, String label) {
        JsonNode node = topic.get(field);
        if (node == null || node.isNull()) {
            throw error(label, field, "is missing");
        }
        return node;
    }

    private void rejectUnknownFields(JsonNode node, List<String> known, String label) {
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw error(label, field, "is not a known field; known fields are " + String.join(", ", known));
            }
        });
    }

    private TopicCatalogueException error(String topic, String field, String problem) {
        return new TopicCatalogueException(source, topic, field, problem);
    }

    private static String quoted(String name) {
        return "'" + name + "'";
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "a map";
            case NULL, MISSING -> "nothing";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    private static String describe(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? "'" + node.asText() + "'" : kind(node);
    }

    /** A topic's retention: a time limit in ms (-1 for none), or compaction without a time limit. */
    private record Retention(boolean compacted, long ms) {
        static final Retention COMPACTED = new Retention(true, 0);

        static Retention of(long ms) {
            return new Retention(false, ms);
        }

        OptionalLong millis() {
            return compacted ? OptionalLong.empty() : OptionalLong.of(ms);
        }
    }
}
