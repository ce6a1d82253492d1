package org.lurewatch.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.assess.AssessConfig;
import org.lurewatch.assess.Fixtures;
import org.lurewatch.assess.model.ModelRegistry;
import org.lurewatch.ingest.Post;
import org.lurewatch.ingest.PostKind;
import org.lurewatch.ops.LifecycleLog;

class LiveModelsTest {
    private static final Path v1 = TinyModels.TwoVersions.V1;
    private static final Path v2 = TinyModels.TwoVersions.V2;

    @TempDir
    Path dir;

    private static final Post LURE = Post.ofText("p", "facebook", PostKind.JOB_AD, null, "",
            "Urgent hiring customer service in Cambodia, salary $1500, free ticket and visa, no experience, telegram @hr7");

    private LiveModels open(Path registryDir) {
        return LiveModels.open(registryDir, Fixtures.analyzer(), new AssessConfig(v1, null), Duration.ofHours(1),
                LifecycleLog.create());
    }

    @Test
    void shouldSeedAnEmptyRegistryWithTheConfiguredModel() {
        try (LiveModels live = open(dir)) {
            assertThat(live.assessor().modelVersion()).isEqualTo("lure-doccat-t1");
            assertThat(ModelRegistry.at(dir).live()).get().extracting(p -> p.getFileName().toString())
                    .isEqualTo("lure-doccat-t1.bin");
            assertThat(live.readiness().ready()).isTrue();
            assertThat(live.readiness().detail()).startsWith("live lure-doccat-t1");
        }
    }

    @Test
    void shouldTakeANewLiveModelWithoutARestartAndStampItOnTheNextAssessment() {
        try (LiveModels live = open(dir)) {
            StringBuilder told = new StringBuilder();
            live.onLiveChange(told::append);
            ModelRegistry registry = ModelRegistry.at(dir);
            registry.add(v2);
            registry.promote("lure-doccat-t2.bin", "test");
            live.poll();
            assertThat(live.assessor().assess(LURE).modelVersion()).isEqualTo("lure-doccat-t2");
            assertThat(told).hasToString("lure-doccat-t2");
            assertThat(live.readiness().detail()).contains("live lure-doccat-t2");

            registry.rollback("test");
            live.poll();
            assertThat(live.assessor().assess(LURE).modelVersion()).isEqualTo("lure-doccat-t1");
        }
    }

    @Test
    void shouldKeepTheLiveModelWhenTheRegistryNamesOneThatDoesNotLoad() throws IOException {
        try (LiveModels live = open(dir)) {
            // a model file damaged after it was promoted (a bad copy on a shared volume)
            ModelRegistry registry = ModelRegistry.at(dir);
            registry.add(v2);
            registry.promote("lure-doccat-t2.bin", "test");
            Files.write(dir.resolve("models").resolve("lure-doccat-t2.bin"), new byte[] {1, 2, 3});
            live.poll();
            assertThat(live.assessor().modelVersion()).isEqualTo("lure-doccat-t1");
            assertThat(live.readiness().ready()).isTrue();
            assertThat(live.readiness().detail()).contains("rejected live lure-doccat-t2.bin");
        }
    }

    @Test
    void shouldScoreACandidateInShadowWithoutChangingWhatLeaves() {
        try (LiveModels live = open(dir)) {
            ModelRegistry registry = ModelRegistry.at(dir);
            registry.add(v2);
            registry.shadow("lure-doccat-t2.bin", "test");
            live.poll();
            assertThat(live.assessor().candidateVersion()).isEqualTo("lure-doccat-t2");
            assertThat(live.assessor().assess(LURE).modelVersion()).isEqualTo("lure-doccat-t1");
            assertThat(live.shadowStats().scored()).isEqualTo(1);
            assertThat(live.readiness().detail()).contains("shadow lure-doccat-t2: 1 scored");

            registry.unshadow("test");
            live.poll();
            assertThat(live.assessor().candidateVersion()).isNull();
        }
    }
}
