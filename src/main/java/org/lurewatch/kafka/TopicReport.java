package org.lurewatch.kafka;

import java.util.List;
import java.util.Objects;

/**
 * What {@link TopicAdmin#ensure} found and did: topics it created, topics that already matched the
 * catalogue, and settings where an existing topic differs from it. Differences are reported, never fixed:
 * changing partitions or retention of a live topic is an operator's decision.
 */
public record TopicReport(List<String> created, List<String> unchanged, List<Difference> differing) {

    public TopicReport {
        created = List.copyOf(created);
        unchanged = List.copyOf(unchanged);
        differing = List.copyOf(differing);
    }

    /**
     * One setting of one existing topic that is not what the catalogue says.
     *
     * @param setting {@code partitions} or a topic config name such as {@code retention.ms}
     */
    public record Difference(String topic, String setting, String expected, String actual) {
        public Difference {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(setting, "setting");
        }

        /** For example {@code posts.scored: partitions is 1 on the broker, 3 in the catalogue}. */
        public String describe() {
            return topic + ": " + setting + " is " + readable(actual) + " on the broker, " + readable(expected)
                    + " in the catalogue";
        }

        private String readable(String value) {
            if (value == null) {
                return "unset";
            }
            return setting.endsWith(".ms") ? value + " (" + Durations.readable(value) + ")" : value;
        }
    }

    /** The topics that differ in at least one setting, in catalogue order. */
    public List<String> differingTopics() {
        return differing.stream().map(Difference::topic).distinct().toList();
    }

    public boolean hasDifferences() {
        return !differing.isEmpty();
    }

    /** A few lines for a person at a terminal, as printed by {@code lurewatch topics create}. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Topics: ").append(created.size()).append(" created, ")
                .append(unchanged.size()).append(" unchanged, ")
                .append(differingTopics().size()).append(" differing from the catalogue\n");
        created.forEach(name -> out.append("  created    ").append(name).append('\n'));
        unchanged.forEach(name -> out.append("  unchanged  ").append(name).append('\n'));
        differing.forEach(difference -> out.append("  differs    ").append(difference.describe()).append('\n'));
        if (hasDifferences()) {
            out.append("Existing topics are left as they are; change them with kafka-topics.sh or "
                    + "kafka-configs.sh, or change the catalogue.\n");
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
