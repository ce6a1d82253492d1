package org.lurewatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.lurewatch.config.ConfigException;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.feedback.LabelledVerdict;
import org.lurewatch.feedback.TrainingExport;
import org.lurewatch.kafka.ClientProperties;
import org.lurewatch.kafka.ClusterCheck;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.KafkaUnavailableException;
import org.lurewatch.kafka.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lurewatch feedback}: hotline verdicts as training data. */
@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = "Hotline verdicts (feedback.labelled) as training data for 'lurewatch train --with-feedback'.",
        subcommands = {FeedbackCommand.Export.class})
final class FeedbackCommand extends CommandGroup {

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Read feedback.labelled (read_committed, from the beginning) and write one training example per",
                    "judged lure or job-scam post, as JSON lines for 'train --with-feedback': the last verdict on a post wins;",
                    "confirmed keeps the category it was scored as, false_positive makes it benign. Verdicts on campaigns and",
                    "distress posts carry no text and are counted as skipped. Run as a user that may read feedback.labelled",
                    "(the app's or the operator's).",
                    "Exit codes: 0 done, 2 bad input, 1 the cluster cannot be reached or the topic is missing."})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClusterOptions cluster;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The JSON lines file to write (replaced).")
        Path out;

        @Option(names = "--since", paramLabel = "TIME", description = "Only verdicts given at or after this time "
                + "(2026-12-01 or 2026-12-01T00:00:00Z).")
        String since;

        @Override
        public Integer call() {
            PrintWriter print = spec.commandLine().getOut();
            LurewatchConfig config = cluster.config();
            String servers = config.bootstrapServers().orElseThrow(() ->
                    new ConfigException("'bootstrap.servers' is not set: give --bootstrap-servers"));
            Instant from = since == null ? null : parseSince(since);
            ClusterCheck.awaitSinceStart(servers, config.kafkaClientSettings(), config.cluster().bootstrapTimeout());
            String topic = Topics.defaults().labelled();
            List<String> unreadable = new ArrayList<>();
            List<LabelledVerdict> verdicts = readAll(servers, config.kafkaClientSettings(), topic,
                    config.cluster().bootstrapTimeout(), unreadable);
            TrainingExport.Result result = TrainingExport.of(verdicts, from);
            try {
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.write(out, result.lines(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserFacingException("cannot write " + out + ": " + e.getMessage());
            }
            print.printf(Locale.ROOT, "read %d verdicts from %s; wrote %d examples to %s%s%n", result.verdicts(), topic,
                    result.lines().size(), out, result.labels().isEmpty() ? "" : " " + result.labels());
            result.skipped().forEach((skip, count) -> print.printf(Locale.ROOT, "  skipped %d: %s%n", count, skip.reason()));
            if (!unreadable.isEmpty()) {
                print.printf(Locale.ROOT, "  skipped %d: not a labelled verdict (%s)%n", unreadable.size(),
                        String.join(", ", unreadable.subList(0, Math.min(5, unreadable.size()))));
            }
            print.flush();
            return 0;
        }

        /** Every record of the topic's partitions, up to the end that was committed when the read began. */
        private static List<LabelledVerdict> readAll(String servers, Map<String, String> settings, String topic,
                                                     Duration timeout, List<String> unreadable) {
            List<LabelledVerdict> verdicts = new ArrayList<>();
            try (KafkaConsumer<byte[], byte[]> consumer = ClientProperties.readerOfAll(servers, settings,
                    "lurewatch-feedback-export")) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
                if (infos == null || infos.isEmpty()) {
                    throw new KafkaUnavailableException("the topic " + topic + " does not exist at " + servers
                            + " (the app creates it; 'lurewatch topics create')");
                }
                List<TopicPartition> partitions = infos.stream()
                        .map(info -> new TopicPartition(topic, info.partition())).sorted((a, b) -> a.partition() - b.partition())
                        .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
                while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < ends.get(p))) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        try {
                            verdicts.add(Json.mapper().readValue(record.value(), LabelledVerdict.class));
                        } catch (IOException | IllegalArgumentException | NullPointerException e) {
                            unreadable.add(record.topic() + "-" + record.partition() + "@" + record.offset());
                        }
                    }
                }
            }
            return verdicts;
        }

        private static Instant parseSince(String value) {
            try {
                return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new UserFacingException("--since '" + value + "' is neither a date (2026-12-01) nor a time "
                        + "(2026-12-01T00:00:00Z)");
            }
        }
    }
}
