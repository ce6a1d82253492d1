package org.lurewatch.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the running instance takes its model ({@code model.*} beyond {@code model.path}).
 *
 * @param registryDir            {@code model.registry.dir}: a model registry to take the live model (and a shadow
 *                               candidate) from and to follow without a restart; empty: the one model of
 *                               {@code model.path} (or the bundled one), for the instance's lifetime
 * @param pollInterval           {@code model.registry.poll.seconds}: how often the registry's pointers are read
 * @param allowLexiconMismatch   {@code model.allow.lexicon.mismatch}: load a model even when the lexicons differ
 *                               from those it was trained with
 * @param shadowSamplesPerMinute {@code model.shadow.samples.per.minute}: disagreements of a shadow candidate written
 *                               to the {@code models.shadow} topic at most this often (0: none, counts only)
 */
public record ModelConfig(Optional<Path> registryDir, Duration pollInterval, boolean allowLexiconMismatch,
                          int shadowSamplesPerMinute) {
    public ModelConfig {
        Objects.requireNonNull(registryDir, "registryDir");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** No registry: the configured model for the instance's lifetime. */
    public static ModelConfig fixed() {
        return new ModelConfig(Optional.empty(), Duration.ofSeconds(5), false, 60);
    }
}
