package org.lurewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

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
}
