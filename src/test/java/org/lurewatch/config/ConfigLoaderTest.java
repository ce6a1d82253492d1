package org.lurewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void shouldTurnASaslUserAndPasswordFileIntoTheKafkaLogin() throws Exception {
        Path password = Files.writeString(dir.resolve("app.password"), "s3cret \"quoted\"\n");

        LurewatchConfig config = ConfigLoader.load(Optional.empty(), Map.of(), Map.of("sasl.username", "lurewatch-app",
                "sasl.password.file", password.toString(), "kafka.security.protocol", "SASL_SSL"));

        assertThat(config.kafkaClientSettings()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"lurewatch-app\" password=\"s3cret \\\"quoted\\\"\";");
        assertThat(config.cluster().bootstrapTimeout()).hasSeconds(15);
        assertThat(config.cluster().createTopics()).isTrue();
    }

    @Test
    void shouldRefuseASaslUserWithoutAPasswordFileWithOneClearMessage() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("sasl.username", "lurewatch-app")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'sasl.password.file' is not");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("sasl.username", "lurewatch-app",
                "sasl.password.file", dir.resolve("missing").toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("does not exist or cannot be read");
    }

    @Test
    void shouldUseDefaultsWhenNothingIsGiven() {
        LurewatchConfig config = LurewatchConfig.defaults();

        assertThat(config.bootstrapServers()).isEmpty();
        assertThat(config.processingGuarantee()).isEqualTo("exactly_once_v2");
        assertThat(config.httpPort()).isEqualTo(8080);
    }

    @Test
    void shouldApplyFileThenEnvironmentThenFlags() throws Exception {
        Path file = dir.resolve("lurewatch.properties");
        Files.writeString(file, "http.port=1000\nnum.stream.threads=2\napplication.id=from-file\n");

        LurewatchConfig config = ConfigLoader.load(Optional.of(file),
                Map.of("LUREWATCH_HTTP_PORT", "2000", "LUREWATCH_NUM_STREAM_THREADS", "3", "PATH", "/bin"),
                Map.of("http.port", "3000"));

        assertThat(config.applicationId()).isEqualTo("from-file");
        assertThat(config.streamThreads()).isEqualTo(3);
        assertThat(config.httpPort()).isEqualTo(3000);
    }

    @Test
    void shouldRejectAKafkaKeyLurewatchOwnsAndNameTheTypedKey() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("kafka.processing.guarantee", "at_least_once")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'kafka.processing.guarantee' (from flag --kafka.processing.guarantee) is set by Lurewatch")
                .hasMessageContaining("use 'processing.guarantee' (one of exactly_once_v2, at_least_once)");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("LUREWATCH_KAFKA_APPLICATION_ID", "x"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("environment LUREWATCH_KAFKA_APPLICATION_ID")
                .hasMessageContaining("use 'application.id'");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("kafka.replication.factor", "3")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("use 'topics.replication.factor'");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("kafka.main.consumer.group.instance.id", "a")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("use 'instance.id'");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("kafka.default.value.serde", "x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("serdes are set in code");
    }

    @Test
    void shouldRejectAKafkaLoginOnlyWhenSaslUsernameGivesOne() throws Exception {
        Path password = Files.writeString(dir.resolve("app.password"), "s3cret\n");
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"op\" password=\"p\";";

        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("sasl.username", "lurewatch-app",
                "sasl.password.file", password.toString(), "kafka.sasl.jaas.config", jaas)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("use 'sasl.username' and 'sasl.password.file'");
        assertThat(ConfigLoader.load(Optional.empty(), Map.of(), Map.of("kafka.sasl.jaas.config", jaas)).kafkaOverrides())
                .containsEntry("sasl.jaas.config", jaas);
    }

    @Test
    void shouldReadTheTopologySettingsAndCheckThemAgainstEachOther() {
        LurewatchConfig config = ConfigLoader.load(Optional.empty(), Map.of("LUREWATCH_CAMPAIGN_TTL_DAYS", "7"),
                Map.of("campaign.pending.ttl.hours", "6", "feedback.facts.ttl.days", "180", "signals.sightings.ttl.days", "30",
                        "campaign.purge.interval.minutes", "15", "campaign.publish.interval.ms", "500"));

        assertThat(config.topology()).isEqualTo(new TopologyConfig(Duration.ofDays(7), Duration.ofHours(6),
                Duration.ofMinutes(15), Duration.ofMillis(500), Duration.ofDays(180), Duration.ofDays(30)));
        assertThat(LurewatchConfig.defaults().topology()).isEqualTo(new TopologyConfig(Duration.ofDays(30),
                Duration.ofDays(1), Duration.ofHours(1), Duration.ofMillis(100), Duration.ofDays(90), Duration.ofDays(90)));
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(),
                Map.of("campaign.ttl.days", "1", "campaign.pending.ttl.hours", "48")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'campaign.pending.ttl.hours' (48 hours) must not be longer than 'campaign.ttl.days' (1 days)");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("campaign.ttl.days", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("expected a whole number from 1 to 3650");
    }

    @Test
    void shouldPassKafkaKeysThroughWithoutThePrefix() {
        LurewatchConfig config = ConfigLoader.load(Optional.empty(), Map.of(),
                Map.of("kafka.security.protocol", "SSL"));

        assertThat(config.kafkaOverrides()).containsEntry("security.protocol", "SSL");
    }

    @Test
    void shouldRejectAnUnknownKeyAndSuggestTheClosest() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("LUREWATCH_HTTP_PROT", "1"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown config key 'http.prot'")
                .hasMessageContaining("environment LUREWATCH_HTTP_PROT")
                .hasMessageContaining("did you mean 'http.port'");
    }

    @Test
    void shouldRejectABadValueNamingTheKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("processing.guarantee", "exactly_once")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'processing.guarantee'")
                .hasMessageContaining("exactly_once_v2, at_least_once");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("http.port", "eighty")))
                .hasMessageContaining("'http.port'").hasMessageContaining("a whole number from 0 to 65535");
    }

    @Test
    void shouldRejectAMissingConfigFile() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(dir.resolve("nope.properties")), Map.of(), Map.of()))
                .hasMessageContaining("does not exist");
    }

    @Test
    void shouldNameTheEnvironmentVariableForAKey() {
        assertThat(ConfigLoader.envName("bootstrap.servers")).isEqualTo("LUREWATCH_BOOTSTRAP_SERVERS");
    }

    @Test
    void shouldDefaultTheHttpAndAccessSettings() {
        LurewatchConfig config = LurewatchConfig.defaults();

        assertThat(config.http().host()).as("the command decides: run 0.0.0.0, demo 127.0.0.1").isEmpty();
        assertThat(config.http().maxRequestBytes()).isEqualTo(1_048_576);
        assertThat(config.http().secureCookies()).isFalse();
        assertThat(config.access().dir()).isEqualTo(Path.of("access"));
        assertThat(config.access().auditFileOrDefault()).isEqualTo(Path.of("access", "audit.jsonl"));
        assertThat(config.access().sessionIdle()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(config.access().sessionMax()).isEqualTo(java.time.Duration.ofHours(12));
        assertThat(config.access().maxFailuresPerUser()).isEqualTo(5);
        assertThat(config.access().maxFailuresPerAddress()).isEqualTo(20);
        assertThat(config.access().loginWindow()).isEqualTo(java.time.Duration.ofMinutes(15));
    }

    @Test
    void shouldReadTheAccessSettingsFromTheEnvironment() {
        LurewatchConfig config = ConfigLoader.load(Optional.empty(), Map.of("LUREWATCH_ACCESS_DIR", "/srv/lw/access",
                "LUREWATCH_HTTP_HOST", "[::1]", "LUREWATCH_HTTP_SECURE_COOKIES", "true"), Map.of());

        assertThat(config.access().dir()).isEqualTo(Path.of("/srv/lw/access"));
        assertThat(config.http().host()).hasValue("::1");
        assertThat(config.http().secureCookies()).isTrue();
    }

    @Test
    void shouldRejectASessionThatEndsBeforeItCanIdle() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("access.session.idle.minutes", "120",
                "access.session.max.hours", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'access.session.max.hours' (1 h) is shorter than 'access.session.idle.minutes' (120 min)");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("http.secure.cookies", "yes")))
                .hasMessageContaining("'http.secure.cookies'").hasMessageContaining("true or false");
    }
}
