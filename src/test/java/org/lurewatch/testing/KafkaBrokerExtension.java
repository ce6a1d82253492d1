package org.lurewatch.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.lurewatch.kafka.EmbeddedKafkaBroker;
import org.lurewatch.kafka.KafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One real Kafka broker per test class: a Testcontainers Kafka container where Docker is available,
 * otherwise the in-process {@link EmbeddedKafkaBroker}, so the same tests run on a laptop with Docker
 * and on a machine without it. Never a mock.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();
 * }</pre>
 *
 * <p>The field must be static: the broker starts before the first test of the class and stops after
 * the last. Give each test its own topics ({@link #createTopics}) so tests do not see each other's
 * records. Choose the broker with {@code -Dlurewatch.test.broker=auto|embedded|container} (default auto)
 * and the image with {@code -Dlurewatch.test.kafka-image=...}.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    public static final String BROKER_PROPERTY = "lurewatch.test.broker";
    public static final String IMAGE_PROPERTY = "lurewatch.test.kafka-image";
    public static final String DEFAULT_IMAGE = "apache/kafka:4.1.0";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerExtension.class);
    private static final Duration TOPIC_READY = Duration.ofSeconds(30);

    private KafkaBroker broker;
    private Admin admin;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (broker != null) {
            throw new IllegalStateException("KafkaBrokerExtension already running; register it on a static field "
                    + "and only once per test class");
        }
        String testClass = context.getRequiredTestClass().getSimpleName();
        broker = startBroker(testClass);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
        } finally {
            admin = null;
            if (broker != null) {
                broker.close();
                broker = null;
            }
        }
    }

    /** The {@code bootstrap.servers} of this class's broker. */
    public String bootstrapServers() {
        return running().bootstrapServers();
    }

    /** An admin client for this class's broker, created on first use and closed after the class. */
    public synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
        }
        return admin;
    }

    /** Creates topics with one partition each and waits until each partition has a leader. */
    public void createTopics(String... names) {
        createTopics(Arrays.stream(names).map(name -> new NewTopic(name, 1, (short) 1)).toList());
    }

    /** Creates one topic with this many partitions and waits until each partition has a leader. */
    public void createTopic(String name, int partitions) {
        createTopics(List.of(new NewTopic(name, partitions, (short) 1)));
    }

    private void createTopics(List<NewTopic> topics) {
        List<String> names = topics.stream().map(NewTopic::name).toList();
        try {
            admin().createTopics(topics).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create test topics " + names + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating test topics " + names, e);
        }
        // Created is not yet visible: the broker learns of new topics from the controller a moment later.
        // Wait until every partition has a leader, so that a test's first describe or send just works.
        await("leaders for " + names).atMost(TOPIC_READY).pollInterval(Duration.ofMillis(50))
                .ignoreExceptionsInstanceOf(ExecutionException.class)
                .until(() ->
                admin().describeTopics(names).allTopicNames().get().values().stream()
                        .map(TopicDescription::partitions)
                        .flatMap(List::stream)
                        .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty()));
    }

    private KafkaBroker running() {
        if (broker == null) {
            throw new IllegalStateException("no Kafka broker running: register KafkaBrokerExtension on a static "
                    + "field with @RegisterExtension, and use it only inside the test class");
        }
        return broker;
    }

    private static KafkaBroker startBroker(String testClass) {
        String choice = System.getProperty(BROKER_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        boolean container = switch (choice) {
            case "embedded" -> false;
            case "container" -> true;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable();
            default -> throw new IllegalArgumentException("-D" + BROKER_PROPERTY + " must be auto, embedded or "
                    + "container, was '" + choice + "'");
        };
        if (container) {
            String image = System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE);
            KafkaBroker started = ContainerBroker.start(image);
            LOG.info("{}: Kafka in a Testcontainers container ({}) at {}", testClass, image, started.bootstrapServers());
            return started;
        }
        KafkaBroker started = EmbeddedKafkaBroker.start();
        LOG.info("{}: Kafka embedded in this JVM at {} ({})", testClass, started.bootstrapServers(),
                choice.equals("auto") ? "no Docker available" : "-D" + BROKER_PROPERTY + "=" + choice);
        return started;
    }

    /** A Testcontainers Kafka container seen as a {@link KafkaBroker}. */
    private static final class ContainerBroker implements KafkaBroker {
        private final KafkaContainer container;

        private ContainerBroker(KafkaContainer container) {
            this.container = container;
        }

        static ContainerBroker start(String image) {
            KafkaContainer container = new KafkaContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"))
                    // Testcontainers sets the offsets and transaction topics to one replica; the share
                    // coordinator's topic needs the same on one node.
                    .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                    .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
                    .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
            container.start();
            return new ContainerBroker(container);
        }

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}
