package org.lurewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.lurewatch.testing.TestClients;

/** The child-JVM broker: a crash (SIGKILL) and a restart keep committed data, ports and the log file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The crash test runs first, while the class's controller is the only one this JVM has started: later
// tests start and close controllers of their own, and Kafka's JMX metrics go with the last one closed,
// which sends restart() down its slower fallback path.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChildProcessKafkaBrokerIT {

    private ChildProcessKafkaBroker broker;

    @BeforeAll
    void startBroker() {
        broker = ChildProcessKafkaBroker.start();
    }

    @AfterAll
    void stopBroker() {
        broker.close();
    }

    @Test
    @Order(1)
    void shouldKeepCommittedRecordsThroughKillAndRestart() throws Exception {
        createTopic("survives-kill");
        String bootstrapBefore = broker.bootstrapServers();
        long pidBefore = broker.pid().orElseThrow();
        try (KafkaProducer<String, String> producer = TestClients.transactionalProducer(bootstrapBefore, "before-kill")) {
            producer.beginTransaction();
            for (String value : List.of("one", "two", "three")) {
                producer.send(new ProducerRecord<>("survives-kill", value, value));
            }
            producer.commitTransaction();
            // Kill at once: the commit markers may not be written yet, and recovery must still complete them.
            broker.kill();
            producer.close(Duration.ZERO);
        }
        assertThat(broker.isAlive()).isFalse();

        broker.restart();

        assertThat(broker.pid()).isPresent().get().isNotEqualTo(pidBefore);
        assertThat(broker.bootstrapServers()).isEqualTo(bootstrapBefore);
        try (KafkaProducer<String, String> producer = TestClients.transactionalProducer(bootstrapBefore, "after-kill")) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("survives-kill", "four", "four"));
            producer.commitTransaction();
        }
        assertThat(TestClients.readCommittedValues(bootstrapBefore, "survives-kill", 4))
                .containsExactly("one", "two", "three", "four");
    }

    @Test
    void shouldWriteTheChildOutputToALogFileInTheDataDirectory() {
        assertThat(broker.logFile()).startsWith(broker.dataDir());
        assertThat(broker.logFile()).content().contains("Kafka Server started");
    }

    @Test
    void shouldDeleteItsTemporaryDataDirectoryOnClose() {
        Path dataDir;
        try (ChildProcessKafkaBroker own = ChildProcessKafkaBroker.start()) {
            dataDir = own.dataDir();
            assertThat(dataDir.resolve("server.properties")).exists();
        }

        assertThat(dataDir).doesNotExist();
    }

    @Test
    void shouldAuthenticateEveryClientAndEnforceAclsWhenSecured() throws Exception {
        try (ChildProcessKafkaBroker secured = ChildProcessKafkaBroker.builder()
                .security(BrokerSecurity.withGeneratedPassword("lurewatch-admin")).start()) {
            Map<String, Object> admin = new java.util.HashMap<>(secured.adminClientSettings());
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, secured.bootstrapServers());
            try (Admin operator = Admin.create(admin)) {
                operator.createTopics(List.of(new NewTopic("secured", 1, (short) 1))).all().get();
                org.lurewatch.access.KafkaUsers.upsert(operator, "partner-x",
                        org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512, "partner-x-password");
            }
            assertThat(Files.getPosixFilePermissions(secured.dataDir().resolve("server.properties")))
                    .as("the file holds the operator's password").containsOnly(
                            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            Map<String, Object> partner = new java.util.HashMap<>(BrokerSecurity.scramClientSettings("partner-x", "partner-x-password"));
            partner.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, secured.bootstrapServers());
            // The controller takes the new credential at once; the broker applies it from the metadata log a moment
            // later (on a loaded machine, after the first login): wait for it instead of failing on that moment.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                try (Admin client = Admin.create(partner)) {
                    return !client.describeCluster().nodes().get(10, java.util.concurrent.TimeUnit.SECONDS).isEmpty();
                }
            });
            try (Admin client = Admin.create(partner)) {
                assertThat(client.describeCluster().nodes().get()).isNotEmpty();
                assertThat(client.listTopics().names().get()).as("no ACL, nothing visible").doesNotContain("secured");
            }
            assertThatThrownBy(() -> ClusterCheck.await(secured.bootstrapServers(), Map.of(), Duration.ofSeconds(2)))
                    .isInstanceOf(KafkaUnavailableException.class);
        }
    }

    @Test
    void shouldReportTheChildsOwnErrorWhenItCannotStart() {
        assertThatThrownBy(() -> ChildProcessKafkaBroker.builder().brokerProperty("num.io.threads", "many").start())
                .isInstanceOf(KafkaBrokerException.class)
                .hasMessageContaining("the child JVM exited with code 1")
                .hasMessageContaining("Invalid value many for configuration num.io.threads");
    }

    private void createTopic(String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        }
    }
}
