package org.lurewatch.alert;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Lets tests in other packages build {@link Routes} from YAML text through the real loader. */
public final class RoutesLoaderAccess {
    private RoutesLoaderAccess() {
    }

    public static Routes parse(String yaml) {
        return RoutesLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test routes");
    }
}
