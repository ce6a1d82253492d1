package org.lurewatch.models;

import java.nio.file.Path;

/** Lets tests of other packages train a tiny model. */
public final class TinyModelsAccess {
    private TinyModelsAccess() {
    }

    public static Path train(String version, Path dir) {
        return TinyModels.train(version, dir, 0);
    }
}
