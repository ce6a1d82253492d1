package org.lurewatch.kafka;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * One topic as the catalogue describes it. A spec whose name holds a placeholder such as
 * {@code alerts.hotline.{hotline}} is a template for a family of topics; {@link TopicCatalogue#expand}
 * turns it into concrete specs.
 *
 * @param replicationFactor a positive factor, or {@link #BROKER_DEFAULT_REPLICATION_FACTOR} to let the
 *                          broker's {@code default.replication.factor} decide
 * @param configs           topic configs by Kafka name; always holds {@code cleanup.policy}
 */
public record TopicSpec(
        String name,
        int partitions,
        short replicationFactor,
        Map<String, String> configs,
        List<String> writers,
        List<String> readers,
        String description) {

    /** Leaves the replication factor to the broker's {@code default.replication.factor}. */
    public static final short BROKER_DEFAULT_REPLICATION_FACTOR = -1;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]+");
    private static final int MAX_NAME_LENGTH = 249;

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be at least 1, was " + partitions);
        }
        if (replicationFactor < 1 && replicationFactor != BROKER_DEFAULT_REPLICATION_FACTOR) {
            throw new IllegalArgumentException("topic " + name + ": replicationFactor must be at least 1 (or "
                    + BROKER_DEFAULT_REPLICATION_FACTOR + " for the broker default), was " + replicationFactor);
        }
        // Sorted, so reports and renders list configs in a stable order.
        configs = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(configs, "configs")));
        writers = List.copyOf(writers);
        readers = List.copyOf(readers);
        description = Objects.requireNonNullElse(description, "");
    }

    /** True if the name holds a placeholder and the spec stands for a family of topics. */
    public boolean isTemplate() {
        return placeholder().isPresent();
    }

    /** The placeholder in the name without braces ({@code hotline} for {@code alerts.hotline.{hotline}}). */
    public Optional<String> placeholder() {
        Matcher matcher = PLACEHOLDER.matcher(name);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** {@code delete}, {@code compact} or {@code compact,delete}. */
    public String cleanupPolicy() {
        return configs.getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    }

    /** The retention in milliseconds (-1 for forever), or empty for a compacted topic without time limit. */
    public OptionalLong retentionMs() {
        String value = configs.get(TopicConfig.RETENTION_MS_CONFIG);
        return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    }

    public TopicSpec withName(String newName) {
        return new TopicSpec(newName, partitions, replicationFactor, configs, writers, readers, description);
    }

    public TopicSpec withReplicationFactor(short factor) {
        return new TopicSpec(name, partitions, factor, configs, writers, readers, description);
    }

    /**
     * Why Kafka would refuse this topic name, or empty if it is legal. Kafka allows ASCII letters,
     * digits, '.', '_' and '-', at most 249 characters, and neither "." nor "..".
     */
    static Optional<String> nameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("a topic name must not be empty");
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("a topic name cannot be \".\" or \"..\"");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of("a topic name can have at most " + MAX_NAME_LENGTH + " characters, this one has " + name.length());
        }
        if (!LEGAL_NAME.matcher(name).matches()) {
            return Optional.of("a topic name may only contain ASCII letters, digits, '.', '_' and '-'");
        }
        return Optional.empty();
    }

    /** The admin-client request that creates this topic. Templates cannot be created, only their expansions. */
    public NewTopic toNewTopic() {
        if (isTemplate()) {
            throw new IllegalStateException("topic " + name + " is a template; expand the catalogue with the "
                    + placeholder().orElseThrow() + " ids before creating topics");
        }
        Optional<Short> factor = replicationFactor == BROKER_DEFAULT_REPLICATION_FACTOR
                ? Optional.empty()
                : Optional.of(replicationFactor);
        return new NewTopic(name, Optional.of(partitions), factor).configs(configs);
    }
}
