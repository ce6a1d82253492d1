package org.lurewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.cli.Lurewatch;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.BrokerSecurity;
import org.lurewatch.kafka.ClusterCheck;
import org.lurewatch.kafka.CommittedReader;
import org.lurewatch.kafka.EmbeddedKafkaBroker;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.KafkaUnavailableException;
import org.lurewatch.ops.PipelineEvents;
import org.lurewatch.web.WebServer;
import org.lurewatch.web.WebSettings;
import org.lurewatch.ops.LifecycleLog;

/**
 * The access table enforced by a real broker with SASL/SCRAM and ACLs, set up the way an operator does it: topics
 * created, ACLs applied and SCRAM users created with the {@code topics}, {@code acls} and {@code kafka-users}
 * commands as {@code lurewatch-admin}. Each principal is shown what it may do and, above all, denied what it must not.
 */
class KafkaAccessIT {
    private static final String APP_ID = "lurewatch";
    private static EmbeddedKafkaBroker broker;
    private static Path work;
    private static Path passwords;
    private static Path adminConfig;

    @BeforeAll
    static void setUpAsTheOperator() throws Exception {
        broker = EmbeddedKafkaBroker.builder().security(BrokerSecurity.withGeneratedPassword("lurewatch-admin")).start();
        work = Files.createTempDirectory("kafka-access-it");
        passwords = work.resolve("passwords");
        Path adminPassword = work.resolve("admin.password");
        Files.writeString(adminPassword, broker.adminClientSettings().get("sasl.jaas.config")
                .replaceAll(".*password=\"([^\"]+)\".*", "$1") + "\n");
        adminConfig = work.resolve("admin.properties");
        Files.writeString(adminConfig, "bootstrap.servers=" + broker.bootstrapServers() + "\nsasl.username=lurewatch-admin\n"
                + "sasl.mechanism=PLAIN\nsasl.password.file=" + adminPassword + "\n");

        assertThat(cli("topics", "create", "--config", adminConfig.toString())).startsWith("0:");
        assertThat(cli("acls", "apply", "--config", adminConfig.toString())).startsWith("0:").contains("0 already present");
        assertThat(cli("kafka-users", "create", "--all", "--password-dir", passwords.toString(), "--config",
                adminConfig.toString())).startsWith("0:").contains("partner-tiktok SCRAM-SHA-512 set");
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void shouldApplyTheAclsIdempotentlyAndShowThemInADryRun() {
        String again = cli("acls", "apply", "--config", adminConfig.toString());
        assertThat(again).startsWith("0:").contains(" 0 created, 0 on the broker but not in the access table");

        String dryRun = cli("acls", "apply", "--dry-run", "--config", adminConfig.toString());
        assertThat(dryRun).startsWith("0:")
                .contains("User:partner-tiktok ALLOW WRITE on TOPIC partner-flags.tiktok (LITERAL)")
                .contains("User:hotline-indonesia ALLOW READ on TOPIC alerts.hotline.indonesia (LITERAL)")
                .contains("Dry run, nothing changed: ").contains("0 to create");
    }

    @Test
    void shouldLetAPartnerWriteOnlyItsOwnFlagsTopic() throws Exception {
        try (KafkaProducer<byte[], byte[]> tiktok = producer("partner-tiktok")) {
            tiktok.send(record("partner-flags.tiktok")).get();
            assertDenied(() -> tiktok.send(record("partner-flags.facebook")).get());
            assertDenied(() -> tiktok.send(record("alerts.partner.tiktok")).get());
            assertDenied(() -> tiktok.send(record("alerts.partner.facebook")).get());
        }
    }

    @Test
    void shouldLetAPartnerReadOnlyItsOwnAlerts() {
        assertThat(canRead("partner-tiktok", "partner-tiktok.reader", "alerts.partner.tiktok")).isTrue();
        assertThat(canRead("partner-tiktok", "partner-tiktok.reader", "alerts.partner.facebook")).isFalse();
        assertThat(canRead("partner-tiktok", "partner-tiktok.reader", "partner-flags.facebook")).isFalse();
        assertThat(canRead("partner-tiktok", "partner-tiktok.reader", "alerts.hotline.indonesia")).as("distress").isFalse();
        assertThat(canRead("partner-tiktok", "partner-facebook.reader", "alerts.partner.tiktok")).as("another's group").isFalse();
    }

    @Test
    void shouldLetAHotlineReadOnlyItsOwnAlertsAndWriteOnlyItsOwnFeedback() throws Exception {
        assertThat(canRead("hotline-indonesia", "hotline-indonesia.inbox", "alerts.hotline.indonesia")).isTrue();
        assertThat(canRead("hotline-indonesia", "hotline-indonesia.inbox", "alerts.hotline.vietnam")).isFalse();
        assertThat(canRead("hotline-indonesia", "hotline-indonesia.inbox", "feedback.hotline.vietnam")).isFalse();
        try (KafkaProducer<byte[], byte[]> indonesia = producer("hotline-indonesia")) {
            indonesia.send(record("feedback.hotline.indonesia")).get();
            assertDenied(() -> indonesia.send(record("feedback.hotline.vietnam")).get());
            assertDenied(() -> indonesia.send(record("alerts.hotline.indonesia")).get());
            assertDenied(() -> indonesia.send(record("feedback")).get());
        }
    }

    @Test
    void shouldDenyAClientWithoutCredentialsOrWithAWrongPassword() {
        assertThatThrownBy(() -> ClusterCheck.await(broker.bootstrapServers(), Map.of(), Duration.ofSeconds(3)))
                .isInstanceOf(KafkaUnavailableException.class).hasMessageContaining(broker.bootstrapServers());
        assertThatThrownBy(() -> ClusterCheck.await(broker.bootstrapServers(),
                BrokerSecurity.scramClientSettings("partner-tiktok", "not-the-password"), Duration.ofSeconds(10)))
                .isInstanceOf(KafkaUnavailableException.class).hasMessageContaining("refused the login")
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void shouldRunTheWholePipelineWithTheAppsLeastPrivilegeAndNoTopicCreation() throws Exception {
        LurewatchConfig config = ConfigLoader.load(Optional.empty(), Map.of(), Map.of(
                "application.id", APP_ID, "topics.create", "false", "http.port", "0", "http.host", "127.0.0.1",
                "sasl.username", "lurewatch-app", "sasl.password.file", passwords.resolve("lurewatch-app.password").toString(),
                "state.dir", work.resolve("app-state").toString(), "access.dir", work.resolve("access").toString()));
        LurewatchRuntime.Scorer scorer = KeywordAssessor.scorer();
        WebServer web = WebServer.bind(WebSettings.forRun(config), LifecycleLog.create());
        try (LurewatchRuntime runtime = LurewatchRuntime.start(config, broker.bootstrapServers(), scorer,
                PipelineEvents.NONE, web, List.of());
             KafkaProducer<byte[], byte[]> feeds = producer("lurewatch-feeds");
             KafkaProducer<byte[], byte[]> tiktok = producer("partner-tiktok");
             KafkaConsumer<byte[], byte[]> indonesia = CommittedReader.subscribe(broker.bootstrapServers(),
                     "hotline-indonesia.inbox", Pattern.compile("alerts\\.hotline\\.indonesia"), login("hotline-indonesia"));
             KafkaConsumer<byte[], byte[]> tiktokAlerts = CommittedReader.subscribe(broker.bootstrapServers(),
                     "partner-tiktok.requests", Pattern.compile("alerts\\.partner\\.tiktok"), login("partner-tiktok"))) {
            assertThat(runtime.topicReport().created()).isEmpty();
            feeds.send(new ProducerRecord<>("feeds.social", LivePipeline.post("acl-1", "facebook", "id",
                    "LURE kerja di Kamboja @hrd_acl").getBytes(StandardCharsets.UTF_8))).get();
            tiktok.send(new ProducerRecord<>("partner-flags.tiktok", ("{\"id\":\"acl-2\",\"source\":\"tiktok\","
                    + "\"kind\":\"partner_flag\",\"lang\":\"id\",\"text\":\"LURE kerja @hrd_flag\"}").getBytes(StandardCharsets.UTF_8))).get();

            List<String> hotlinePosts = new ArrayList<>();
            List<String> partnerPosts = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                hotlinePosts.addAll(postKeys(indonesia));
                partnerPosts.addAll(postKeys(tiktokAlerts));
                return hotlinePosts.contains("facebook:acl-1") && partnerPosts.contains("tiktok:acl-2");
            });
            assertThat(runtime.state().isRunningOrRebalancing()).isTrue();
        }
    }

    private static List<String> postKeys(KafkaConsumer<byte[], byte[]> consumer) throws Exception {
        List<String> keys = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            JsonNode event = Json.mapper().readTree(record.value());
            keys.add(event.at("/data/post/key").asText());
        }
        return keys;
    }

    /** Whether {@code user} in {@code group} may read {@code topic}: its position, then one fetch. */
    private static boolean canRead(String user, String group, String topic) {
        Map<String, Object> props = login(user);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.position(partition, Duration.ofSeconds(15));
            consumer.poll(Duration.ofMillis(500));
            return true;
        } catch (GroupAuthorizationException | TopicAuthorizationException denied) {
            return false;
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String user) {
        Map<String, Object> props = new HashMap<>(login(user));
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static Map<String, Object> login(String user) {
        try {
            String password = Files.readString(passwords.resolve(user + ".password")).strip();
            return new HashMap<>(BrokerSecurity.scramClientSettings(user, password));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ProducerRecord<byte[], byte[]> record(String topic) {
        return new ProducerRecord<>(topic, "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static void assertDenied(org.assertj.core.api.ThrowableAssert.ThrowingCallable send) {
        assertThatThrownBy(send).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    /** Runs a command as the operator would and returns "exit code: output". */
    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Lurewatch.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return code + ": " + out + err;
    }
}
