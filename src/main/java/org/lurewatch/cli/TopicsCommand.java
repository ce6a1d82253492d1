package org.lurewatch.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.lurewatch.alert.Routes;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.app.TopicSetup;
import org.lurewatch.config.ConfigException;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.ClusterCheck;
import org.lurewatch.kafka.TopicReport;
import org.lurewatch.kafka.TopicSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "topics", mixinStandardHelpOptions = true,
        description = {"list: print the topic catalogue (topology/topics.yaml, with one alert topic per route).",
                "create: create the topics that are missing and report those that differ (safe to run again)."})
final class TopicsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTION", description = "list or create")
    String action;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka cluster (for create).")
    String bootstrapServers;

    @Override
    public Integer call() {
        LurewatchConfig config = configOptions.load(bootstrapServers == null ? Map.of()
                : Map.of("bootstrap.servers", bootstrapServers));
        Routes routes = config.routesFile().map(RoutesLoader::load).orElseGet(RoutesLoader::loadBundled);
        switch (action) {
            case "list" -> {
                for (TopicSpec topic : TopicSetup.catalogue(routes, config.topicReplicationFactor()).topics()) {
                    System.out.printf("%-32s partitions=%-3d %s%n", topic.name(), topic.partitions(), topic.configs());
                }
                return 0;
            }
            case "create" -> {
                String servers = config.bootstrapServers().orElseThrow(() ->
                        new ConfigException("'bootstrap.servers' is not set: give --bootstrap-servers"));
                ClusterCheck.awaitSinceStart(servers, config.kafkaClientSettings(), config.cluster().bootstrapTimeout());
                TopicReport report = TopicSetup.ensure(servers, routes, config.topicReplicationFactor(), config.kafkaClientSettings());
                System.out.println(report.render());
                return report.hasDifferences() ? 1 : 0;
            }
            default -> throw new UserFacingException("unknown action '" + action + "', expected list or create");
        }
    }
}
