package org.lurewatch.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lurewatch.access.Access;
import org.lurewatch.alert.Routes;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.config.LurewatchConfig;
import picocli.CommandLine.Option;

/**
 * The flags of the credential commands ({@code accounts}, {@code apikeys}): the same configuration sources as every
 * command (defaults &lt; {@code --config} &lt; {@code LUREWATCH_*} &lt; flags), without the streaming ones.
 */
final class AccessOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with Lurewatch settings.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any setting, e.g. --set access.dir=/srv/lurewatch/access. Repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--access-dir", paramLabel = "DIR", description = "Where accounts.json and apikeys.json live (access.dir; default ./access).")
    Path accessDir;

    @Option(names = "--routes", paramLabel = "FILE", description = "Routes YAML that declares the hotlines and partners (default: bundled).")
    Path routes;

    /** The access services the configuration names; close the result. */
    Access open() {
        LurewatchConfig config = config();
        Routes loaded = config.routesFile().map(RoutesLoader::load).orElseGet(RoutesLoader::loadBundled);
        return Access.open(config.access(), loaded);
    }

    /** The configuration from every source, with these flags on top. */
    LurewatchConfig config() {
        Map<String, String> flags = new LinkedHashMap<>(settings);
        if (accessDir != null) {
            flags.put("access.dir", accessDir.toString());
        }
        if (routes != null) {
            flags.put("routes.file", routes.toString());
        }
        return ConfigLoader.load(Optional.ofNullable(configFile), System.getenv(), flags);
    }
}
