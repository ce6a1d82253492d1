package org.lurewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lurewatch.alert.RoutesLoader;

class TopologyDescriptionTest {
    private static final Path DIRECTORY = Path.of("topology");

    @Test
    void shouldMatchTheCommittedTopologyDescriptions() throws IOException {
        Map<String, String> current = TopologyDescriptions.render(TopologyDescriptions.topology(RoutesLoader.loadBundled()));
        if (Boolean.getBoolean("lurewatch.updateDescriptions")) {
            TopologyDescriptions.write(current, DIRECTORY);
        }
        for (Map.Entry<String, String> file : current.entrySet()) {
            Path committed = DIRECTORY.resolve(file.getKey());
            assertThat(committed).as("%s is missing: run `java -jar target/lurewatch.jar describe` or "
                    + "`./mvnw test -Dtest=TopologyDescriptionTest -Dlurewatch.updateDescriptions=true`", committed).exists();
            assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                    .as("%s is stale: regenerate it with `java -jar target/lurewatch.jar describe` "
                            + "(or -Dlurewatch.updateDescriptions=true) and review the diff", committed)
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void shouldNameEveryProcessorAndStore() {
        String description = TopologyDescriptions.topology(RoutesLoader.loadBundled()).describe().toString();

        assertThat(description).doesNotContainPattern("KSTREAM-[A-Z]+-\\d+").doesNotContainPattern("KTABLE-[A-Z]+-\\d+");
    }
}
