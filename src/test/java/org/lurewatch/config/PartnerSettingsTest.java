package org.lurewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The partner API's and webhook delivery's settings: defaults, the environment, and checks that name the key. */
class PartnerSettingsTest {
    @Test
    void shouldDefaultToLimitsThatFitOneBatchAndAnHourOfRetries() {
        LurewatchConfig config = LurewatchConfig.defaults();

        assertThat(config.partner()).isEqualTo(new PartnerConfig(1000, 6000, 600, Duration.ofSeconds(10), Duration.ofDays(7), 1000));
        assertThat(config.webhooks()).isEqualTo(new WebhookConfig(true, 8, Duration.ofSeconds(1), Duration.ofMinutes(5), 20,
                Duration.ofSeconds(10)));
    }

    @Test
    void shouldTakeTheEnvironment() {
        LurewatchConfig config = ConfigLoader.load(Optional.empty(),
                Map.of("LUREWATCH_WEBHOOKS_MAX_IN_FLIGHT", "1", "LUREWATCH_PARTNER_FLAGS_MAX_BATCH", "50"), Map.of());

        assertThat(config.webhooks().maxInFlight()).isEqualTo(1);
        assertThat(config.partner().maxBatch()).isEqualTo(50);
    }

    @Test
    void shouldRefuseSettingsThatCannotWorkTogetherOrOutOfRange() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("partner.flags.rate.per.minute", "10")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'partner.flags.rate.per.minute' (10) is below 'partner.flags.max.batch' (1000)");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("webhooks.retry.max.ms", "10")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'webhooks.retry.max.ms' (10) is below");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("webhooks.max.in.flight", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("bad value for 'webhooks.max.in.flight' (from flag --webhooks.max.in.flight): 0 is out of range; "
                        + "expected a whole number from 1 to 256");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("webhook.enabled", "false")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("did you mean 'webhooks.enabled'?");
    }
}
