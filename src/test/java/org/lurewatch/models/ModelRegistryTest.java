package org.lurewatch.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.assess.model.ModelLoadException;
import org.lurewatch.assess.model.ModelRegistry;

class ModelRegistryTest {
    private static final Path v1 = TinyModels.TwoVersions.V1;
    private static final Path v2 = TinyModels.TwoVersions.V2;

    @TempDir
    Path dir;

    @Test
    void shouldPromoteRollBackAndKeepAHistory() {
        ModelRegistry registry = ModelRegistry.at(dir);
        registry.add(v1);
        registry.add(v2);
        registry.promote("lure-doccat-t1.bin", "test");
        registry.promote("lure-doccat-t2.bin", "test");
        assertThat(registry.live()).get().extracting(p -> p.getFileName().toString()).isEqualTo("lure-doccat-t2.bin");

        assertThat(registry.rollback("test")).isEqualTo("lure-doccat-t1.bin");
        assertThat(registry.live()).get().extracting(p -> p.getFileName().toString()).isEqualTo("lure-doccat-t1.bin");
        assertThat(registry.history()).extracting(e -> e.path("action").asText())
                .containsExactly("promote", "promote", "rollback");
        assertThat(registry.list()).filteredOn(ModelRegistry.Entry::live).singleElement()
                .extracting(ModelRegistry.Entry::version).isEqualTo("lure-doccat-t1");
    }

    @Test
    void shouldNeverOverwriteAVersionWithOtherBytes() throws IOException {
        ModelRegistry registry = ModelRegistry.at(dir);
        registry.add(v1);
        Path impostor = dir.resolveSibling(dir.getFileName() + "-x").resolve("lure-doccat-t1.bin");
        Files.createDirectories(impostor.getParent());
        Files.copy(v2, impostor);
        assertThatThrownBy(() -> registry.add(impostor)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never overwritten");
        assertThat(registry.add(v1)).as("adding the same bytes again is fine").exists();
    }

    @Test
    void shouldRefuseWhatIsNotAModelOrNotInTheRegistry() throws IOException {
        ModelRegistry registry = ModelRegistry.at(dir);
        Path junk = Files.writeString(dir.resolve("junk.bin"), "not a model");
        assertThatThrownBy(() -> registry.add(junk)).isInstanceOf(ModelLoadException.class);
        assertThatThrownBy(() -> registry.promote("missing.bin", "test")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in the registry");
        assertThatThrownBy(() -> registry.promote("../live", "test")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file name");
        assertThatThrownBy(() -> registry.rollback("test")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no live model");
    }

    @Test
    void shouldSetAndClearAShadowCandidate() {
        ModelRegistry registry = ModelRegistry.at(dir);
        registry.add(v1);
        registry.add(v2);
        registry.promote("lure-doccat-t1.bin", "test");
        registry.shadow("lure-doccat-t2.bin", "test");
        assertThat(registry.candidate()).isPresent();
        registry.promote("lure-doccat-t2.bin", "test");
        assertThat(registry.candidate()).as("promoting the candidate ends its shadow").isEmpty();
        registry.shadow("lure-doccat-t1.bin", "test");
        registry.unshadow("test");
        assertThat(registry.candidate()).isEmpty();
    }
}
