package org.lurewatch.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.ops.LogLevel;
import picocli.CommandLine.Option;

/**
 * The configuration flags every long-running command shares. Precedence: defaults &lt; {@code --config} file &lt;
 * {@code LUREWATCH_*} environment &lt; these flags.
 */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with Lurewatch settings.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any setting, e.g. --set num.stream.threads=2 "
            + "or --set kafka.security.protocol=SSL. Repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--http-port", paramLabel = "PORT", description = "Port for /metrics, /healthz, /readyz "
            + "(default 8080; 0 picks a free port).")
    Integer httpPort;

    @Option(names = "--log-level", paramLabel = "LEVEL", description = "trace, debug, info, warn or error.")
    String logLevel;

    @Option(names = "--model", paramLabel = "FILE", description = "OpenNLP doccat model (default: the bundled one).")
    Path model;

    @Option(names = "--routes", paramLabel = "FILE", description = "Routes YAML (default: topology/routes.yaml bundled).")
    Path routes;

    LurewatchConfig load(Map<String, String> extraFlags) {
        Map<String, String> flags = new LinkedHashMap<>(settings);
        if (httpPort != null) {
            flags.put("http.port", httpPort.toString());
        }
        if (logLevel != null) {
            flags.put("log.level", logLevel);
        }
        if (model != null) {
            flags.put("model.path", model.toString());
        }
        if (routes != null) {
            flags.put("routes.file", routes.toString());
        }
        flags.putAll(extraFlags);
        LurewatchConfig config = ConfigLoader.load(Optional.ofNullable(configFile), System.getenv(), flags);
        // Before the first Lurewatch logger exists, or the level would not take.
        LogLevel.apply(config.logLevel());
        return config;
    }
}
