package org.lurewatch.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.lurewatch.access.Identities;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.config.ConfigException;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.ClusterCheck;
import picocli.CommandLine.Option;

/**
 * The flags of the operator's cluster commands ({@code acls}, {@code kafka-users}): the usual configuration sources,
 * the cluster, and the routes that declare the principals. The operator logs in as {@code lurewatch-admin}
 * ({@code sasl.username}, {@code sasl.mechanism=PLAIN}, {@code sasl.password.file}).
 */
final class ClusterOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with Lurewatch settings.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any setting, e.g. --set sasl.username=lurewatch-admin. Repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka cluster (bootstrap.servers).")
    String bootstrapServers;

    @Option(names = "--routes", paramLabel = "FILE", description = "Routes YAML that declares the hotlines and partners (default: bundled).")
    Path routes;

    private LurewatchConfig config;

    LurewatchConfig config() {
        if (config == null) {
            Map<String, String> flags = new LinkedHashMap<>(settings);
            if (bootstrapServers != null) {
                flags.put("bootstrap.servers", bootstrapServers);
            }
            if (routes != null) {
                flags.put("routes.file", routes.toString());
            }
            config = ConfigLoader.load(Optional.ofNullable(configFile), System.getenv(), flags);
        }
        return config;
    }

    Identities identities() {
        return Identities.of(config().routesFile().map(RoutesLoader::load).orElseGet(RoutesLoader::loadBundled));
    }

    boolean hasCluster() {
        return config().bootstrapServers().isPresent();
    }

    /** An admin client for the cluster, after checking within {@code bootstrap.timeout.seconds} that it answers. */
    Admin admin() {
        String servers = config().bootstrapServers().orElseThrow(() ->
                new ConfigException("'bootstrap.servers' is not set: give --bootstrap-servers"));
        ClusterCheck.awaitSinceStart(servers, config().kafkaClientSettings(), config().cluster().bootstrapTimeout());
        Map<String, Object> props = new HashMap<>(config().kafkaClientSettings());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        return Admin.create(props);
    }
}
