package org.lurewatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration tables name every key {@link Settings} knows, so a new key cannot go undocumented. */
class ReadmeConfigTableTest {
    @Test
    void shouldListEveryConfigKeyInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

        assertThat(Settings.ALL.keySet()).allSatisfy(key -> assertThat(readme).as("README row for %s", key)
                .containsPattern("\\| `" + java.util.regex.Pattern.quote(key) + "`( / `[a-z.]+`)? \\| "
                        + "|\\| `[a-z.]+` / `" + java.util.regex.Pattern.quote(key) + "` \\| "));
    }

    @Test
    void shouldShowTheDefaultOfEveryTopologyKey() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

        for (Setting<?> setting : new Setting<?>[] {Settings.CAMPAIGN_TTL_DAYS, Settings.CAMPAIGN_PENDING_TTL_HOURS,
                Settings.CAMPAIGN_PURGE_INTERVAL_MINUTES, Settings.CAMPAIGN_PUBLISH_INTERVAL_MS,
                Settings.FEEDBACK_FACTS_TTL_DAYS, Settings.SIGNALS_SIGHTINGS_TTL_DAYS}) {
            assertThat(readme).contains("| `" + setting.key() + "` | " + setting.defaultValue() + " |");
        }
    }
}
