package org.lurewatch.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Makes the broker hold the catalogue's topics: creates the missing ones and compares the existing ones
 * with the catalogue, without changing them. Running it twice creates nothing the second time.
 */
public final class TopicAdmin {

    private static final Duration METADATA_PROPAGATION = Duration.ofSeconds(10);
    private static final Duration METADATA_POLL_INTERVAL = Duration.ofMillis(100);

    private TopicAdmin() {
    }

    /** {@link #ensure(Admin, List)} for every topic of an expanded catalogue. */
    public static TopicReport ensure(Admin admin, TopicCatalogue catalogue) {
        if (catalogue.hasTemplates()) {
            throw new IllegalArgumentException("the catalogue from " + catalogue.source() + " still has templates "
                    + catalogue.topics().stream().filter(TopicSpec::isTemplate).map(TopicSpec::name).toList()
                    + "; expand it with the hotline and partner ids first");
        }
        return ensure(admin, catalogue.topics());
    }

    /**
     * Creates the topics that do not exist, leaves the others alone, and reports for those how partition
     * count and the catalogue's configs ({@code cleanup.policy}, {@code retention.ms}, ...) differ.
     *
     * @throws IllegalArgumentException if a spec is a template or two specs share a name
     * @throws KafkaException           if the broker cannot be reached or refuses a topic
     */
    public static TopicReport ensure(Admin admin, List<TopicSpec> specs) {
        Objects.requireNonNull(admin, "admin");
        Map<String, TopicSpec> byName = byName(specs);

        Set<String> existing = new HashSet<>(await(admin.listTopics().names(), "list topics"));
        List<String> created = new ArrayList<>();
        List<TopicSpec> toCompare = new ArrayList<>();
        List<NewTopic> missing = byName.values().stream()
                .filter(spec -> !existing.contains(spec.name()))
                .map(TopicSpec::toNewTopic)
                .toList();
        if (!missing.isEmpty()) {
            createAll(admin, missing, byName, created, toCompare);
        }
        byName.values().stream().filter(spec -> existing.contains(spec.name())).forEach(toCompare::add);

        List<TopicReport.Difference> differing = compare(admin, toCompare);
        Set<String> differingNames = differing.stream().map(TopicReport.Difference::topic).collect(Collectors.toSet());
        List<String> unchanged = toCompare.stream().map(TopicSpec::name).filter(name -> !differingNames.contains(name)).toList();
        // Report in catalogue order, whatever order the broker answered in.
        List<String> order = List.copyOf(byName.keySet());
        return new TopicReport(sorted(created, order), sorted(unchanged, order), differing.stream()
                .sorted((a, b) -> Integer.compare(order.indexOf(a.topic()), order.indexOf(b.topic())))
                .toList());
    }

    /**
     * Checks that the catalogue's topics exist without creating or comparing anything, for an app that may not
     * create topics ({@code topics.create=false}): listing needs only DESCRIBE on each topic, which the app holds.
     *
     * @return a report in which every topic is "unchanged"
     * @throws KafkaUnavailableException naming the missing topics and the command that creates them
     */
    public static TopicReport requireExisting(Admin admin, List<TopicSpec> specs) {
        Map<String, TopicSpec> byName = byName(specs);
        Set<String> existing = new HashSet<>(await(admin.listTopics().names(), "list topics"));
        List<String> missing = byName.keySet().stream().filter(name -> !existing.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new KafkaUnavailableException(missing.size() + " topic(s) do not exist or this user may not see them: "
                    + String.join(", ", missing) + " (topics.create=false: an operator runs `lurewatch topics create` "
                    + "and `lurewatch acls apply` first)");
        }
        return new TopicReport(List.of(), List.copyOf(byName.keySet()), List.of());
    }

    private static void createAll(Admin admin, List<NewTopic> missing, Map<String, TopicSpec> byName,
                                  List<String> created, List<TopicSpec> toCompare) {
        Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
        List<String> failures = new ArrayList<>();
        results.forEach((name, result) -> {
            try {
                result.get();
                created.add(name);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    // Someone created it between our list and our create: treat it as existing.
                    toCompare.add(byName.get(name));
                } else {
                    failures.add(name + " (" + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage() + ")");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while creating topics", e);
            }
        });
        if (!failures.isEmpty()) {
            throw new KafkaException("could not create topics: " + String.join("; ", failures)
                    + (created.isEmpty() ? "" : "; created before the failure: " + String.join(", ", created)));
        }
    }

    private static List<TopicReport.Difference> compare(Admin admin, List<TopicSpec> specs) {
        if (specs.isEmpty()) {
            return List.of();
        }
        List<String> names = specs.stream().map(TopicSpec::name).toList();
        Map<String, TopicDescription> descriptions = describeWhenVisible(admin, names);
        List<ConfigResource> resources = names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                .toList();
        Map<ConfigResource, Config> configs = await(admin.describeConfigs(resources).all(), "describe topic configs");

        List<TopicReport.Difference> differences = new ArrayList<>();
        for (TopicSpec spec : specs) {
            int partitions = descriptions.get(spec.name()).partitions().size();
            if (partitions != spec.partitions()) {
                differences.add(new TopicReport.Difference(spec.name(), "partitions",
                        String.valueOf(spec.partitions()), String.valueOf(partitions)));
            }
            Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
            spec.configs().forEach((key, expected) -> {
                ConfigEntry entry = actual.get(key);
                String value = entry == null ? null : entry.value();
                if (!normalised(key, expected).equals(normalised(key, value))) {
                    differences.add(new TopicReport.Difference(spec.name(), key, expected, value));
                }
            });
        }
        return differences;
    }

    /**
     * Describes topics, waiting a little for any the broker does not know yet: a topic someone else just
     * created (our create said it exists) reaches the broker's metadata a moment after the controller's.
     */
    private static Map<String, TopicDescription> describeWhenVisible(Admin admin, List<String> names) {
        long deadline = System.nanoTime() + METADATA_PROPAGATION.toNanos();
        while (true) {
            try {
                return admin.describeTopics(names).allTopicNames().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new KafkaException("could not describe topics " + names + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while trying to describe topics", e);
            }
            try {
                Thread.sleep(METADATA_POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while trying to describe topics", e);
            }
        }
    }

    /** Kafka lists are unordered sets here: "delete,compact" is the same policy as "compact,delete". */
    private static String normalised(String key, String value) {
        if (value == null) {
            return "";
        }
        if (key.equals(TopicConfig.CLEANUP_POLICY_CONFIG)) {
            return Arrays.stream(value.split(",")).map(String::strip).sorted().collect(Collectors.joining(","));
        }
        return value.strip();
    }

    private static Map<String, TopicSpec> byName(Collection<TopicSpec> specs) {
        Map<String, TopicSpec> byName = new LinkedHashMap<>();
        for (TopicSpec spec : specs) {
            if (spec.isTemplate()) {
                throw new IllegalArgumentException("topic " + spec.name() + " is a template; expand the catalogue with the "
                        + spec.placeholder().orElseThrow() + " ids before creating topics");
            }
            if (byName.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("topic " + spec.name() + " is listed twice");
            }
        }
        return byName;
    }

    private static List<String> sorted(List<String> names, List<String> order) {
        return names.stream().sorted((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b))).toList();
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new KafkaException("could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while trying to " + what, e);
        }
    }
}
