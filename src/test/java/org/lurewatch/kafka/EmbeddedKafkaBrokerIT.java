package org.lurewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.testing.TestClients;

/** The in-process broker itself: transactions, exactly_once_v2 Streams, its data directory, its errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedKafkaBrokerIT {

    private EmbeddedKafkaBroker broker;

    @BeforeAll
    void startBroker() {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    void stopBroker() {
        broker.close();
    }

    @Test
    void shouldShowCommittedTransactionsToReadCommittedConsumersAndHideAbortedOnes() throws Exception {
        createTopic(broker, "tx-visibility");

        try (KafkaProducer<String, String> producer = TestClients.transactionalProducer(broker.bootstrapServers(), "tx-visibility")) {
            sendInTransaction(producer, "tx-visibility", "committed-1", true);
            sendInTransaction(producer, "tx-visibility", "aborted", false);
            sendInTransaction(producer, "tx-visibility", "committed-2", true);
        }

        // The aborted record sits between the two committed ones, so seeing both committed records and
        // nothing else proves it was skipped, not merely not yet delivered.
        assertThat(TestClients.readCommittedValues(broker.bootstrapServers(), "tx-visibility", 2))
                .containsExactly("committed-1", "committed-2");
    }

    @Test
    void shouldRunAStreamsApplicationWithExactlyOnceV2(@TempDir Path stateDir) throws Exception {
        createTopic(broker, "eos-in");
        createTopic(broker, "eos-out");
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("eos-in", Consumed.with(Serdes.String(), Serdes.String()).withName("read-eos-in"))
                .mapValues(value -> value.toUpperCase(Locale.ROOT), Named.as("upper-case"))
                .to("eos-out", Produced.with(Serdes.String(), Serdes.String()).withName("write-eos-out"));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "eos-check");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50);

        try (KafkaStreams streams = new KafkaStreams(builder.build(), config);
             KafkaProducer<String, String> producer = TestClients.transactionalProducer(broker.bootstrapServers(), "eos-feed")) {
            streams.start();
            producer.beginTransaction();
            for (String value : List.of("a", "b", "c")) {
                producer.send(new ProducerRecord<>("eos-in", value, value));
            }
            producer.commitTransaction();

            assertThat(TestClients.readCommittedValues(broker.bootstrapServers(), "eos-out", 3))
                    .containsExactly("A", "B", "C");
            streams.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void shouldDeleteItsTemporaryDataDirectoryOnClose() {
        Path dataDir;
        try (EmbeddedKafkaBroker own = EmbeddedKafkaBroker.start()) {
            dataDir = own.dataDir();
            assertThat(dataDir.resolve("kafka-logs/meta.properties")).exists();
        }

        assertThat(dataDir).doesNotExist();
    }

    @Test
    void shouldKeepASuppliedDataDirectoryAndItsRecordsAcrossStarts(@TempDir Path dataDir) throws Exception {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.builder().dataDir(dataDir).start();
             KafkaProducer<String, String> producer = TestClients.transactionalProducer(first.bootstrapServers(), "keep")) {
            createTopic(first, "kept");
            sendInTransaction(producer, "kept", "survives a restart", true);
        }
        assertThat(dataDir.resolve("kafka-logs")).isDirectory();

        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.builder().dataDir(dataDir).start()) {
            assertThat(TestClients.readCommittedValues(second.bootstrapServers(), "kept", 1))
                    .containsExactly("survives a restart");
        }
        assertThat(Files.list(dataDir)).isNotEmpty();
    }

    @Test
    void shouldServeSaslOverTlsAndRefuseAClientThatDoesNotSpeakTls(@TempDir Path tlsDir) throws Exception {
        BrokerSecurity security = BrokerSecurity.withGeneratedPassword("lurewatch-admin").withTls(tlsDir);
        try (EmbeddedKafkaBroker secured = EmbeddedKafkaBroker.builder().security(security).start()) {
            Map<String, Object> admin = new java.util.HashMap<>(secured.adminClientSettings());
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, secured.bootstrapServers());
            assertThat(admin).containsEntry("security.protocol", "SASL_SSL");
            try (Admin operator = Admin.create(admin)) {
                operator.createTopics(List.of(new NewTopic("over-tls", 1, (short) 1))).all().get();
                org.lurewatch.access.KafkaUsers.upsert(operator, "hotline-x",
                        org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512, "hotline-x-password");
            }

            // A user over TLS, trusting the broker's certificate and checking its host name: in.
            Map<String, String> user = security.userClientSettings("hotline-x", "hotline-x-password");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    ClusterCheck.await(secured.bootstrapServers(), user, Duration.ofSeconds(5)));
            // The same login without TLS, or TLS without trusting the certificate: refused.
            assertThatThrownBy(() -> ClusterCheck.await(secured.bootstrapServers(),
                    BrokerSecurity.scramClientSettings("hotline-x", "hotline-x-password"), Duration.ofSeconds(3)))
                    .isInstanceOf(KafkaUnavailableException.class);
            Map<String, String> untrusted = new java.util.HashMap<>(user);
            untrusted.remove("ssl.truststore.type");
            untrusted.remove("ssl.truststore.location");
            assertThatThrownBy(() -> ClusterCheck.await(secured.bootstrapServers(), untrusted, Duration.ofSeconds(3)))
                    .isInstanceOf(KafkaUnavailableException.class);
        }
    }

    @Test
    void shouldNameTheBadPropertyWhenTheBrokerCannotStart() {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().brokerProperty("num.io.threads", "many").start())
                .isInstanceOf(KafkaBrokerException.class)
                .hasMessageContaining("cannot start embedded Kafka broker")
                .hasMessageContaining("num.io.threads");
    }

    private static void sendInTransaction(KafkaProducer<String, String> producer, String topic, String value,
                                          boolean commit) throws ExecutionException, InterruptedException {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, value, value)).get();
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
    }

    private static void createTopic(KafkaBroker broker, String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        }
    }
}
