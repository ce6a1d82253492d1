package org.lurewatch.assess;

import java.nio.file.Path;

/**
 * How to build an assessor.
 *
 * @param modelPath          the trained model file; null for the bundled default
 *                           ({@code models/lure-doccat-<version>.bin} in the working directory, else the copy
 *                           packaged in the jar)
 * @param lexiconOverrideDir a directory of lexicon files that extend or replace the bundled ones; null for none
 * @param allowLexiconMismatch load a model even when the lexicons differ from those it was trained with (experts
 *                             trying an override directory; the scores are then not the model card's)
 */
public record AssessConfig(Path modelPath, Path lexiconOverrideDir, boolean allowLexiconMismatch) {
    public AssessConfig(Path modelPath, Path lexiconOverrideDir) {
        this(modelPath, lexiconOverrideDir, false);
    }

    /** The bundled model and lexicons. */
    public static AssessConfig defaults() {
        return new AssessConfig(null, null);
    }
}
