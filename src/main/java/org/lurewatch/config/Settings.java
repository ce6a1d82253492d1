package org.lurewatch.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every key Lurewatch understands, with its default and its check. The README's table mirrors this list. */
final class Settings {
    static final String KAFKA_PREFIX = "kafka.";

    static final Setting<String> BOOTSTRAP_SERVERS = Setting.optionalText("bootstrap.servers",
            "Kafka cluster to use (run); empty means the embedded broker (demo)");
    static final Setting<String> APPLICATION_ID = Setting.text("application.id", "lurewatch",
            "Kafka Streams application.id; instances with the same id share the work");
    static final Setting<String> PROCESSING_GUARANTEE = Setting.oneOf("processing.guarantee", "exactly_once_v2",
            List.of("exactly_once_v2", "at_least_once"), "Kafka Streams processing guarantee");
    static final Setting<Integer> STREAM_THREADS = Setting.integer("num.stream.threads", 1, 1, 64,
            "stream threads per instance");
    static final Setting<Integer> COMMIT_INTERVAL_MS = Setting.integer("commit.interval.ms", 100, 1, 600_000,
            "how often Streams commits (lower = lower latency under exactly-once)");
    static final Setting<String> STATE_DIR = Setting.optionalText("state.dir",
            "Kafka Streams state directory; empty means a temporary directory");
    static final Setting<Integer> TOPIC_REPLICATION = Setting.integer("topics.replication.factor", 1, 1, 16,
            "replication factor for topics the app creates");
    static final Setting<String> ROUTES_FILE = Setting.optionalText("routes.file",
            "routes YAML; empty means the bundled topology/routes.yaml");
    static final Setting<String> MODEL_PATH = Setting.optionalText("model.path",
            "OpenNLP doccat model file; empty means the bundled model");
    static final Setting<String> LEXICON_DIR = Setting.optionalText("lexicon.dir",
            "directory whose lexicon files override the bundled ones");
    static final Setting<Integer> HTTP_PORT = Setting.integer("http.port", 8080, 0, 65535,
            "port for /metrics, /healthz, /readyz (0 picks a free port)");
    static final Setting<Integer> MAX_TEXT_CHARS = Setting.integer("ingest.max.text.chars", 20_000, 100, 1_000_000,
            "longer post texts are dead-lettered as oversized");
    static final Setting<Integer> SUPPRESSION_WINDOW_MINUTES = Setting.integer("alert.update.window.minutes", 60, 0,
            7 * 24 * 60, "at most one campaign update per hotline per this many minutes");
    static final Setting<String> LOG_LEVEL = Setting.oneOf("log.level", "info",
            List.of("trace", "debug", "info", "warn", "error"), "log level for Lurewatch's own logs");

    static final Map<String, Setting<?>> ALL = index(BOOTSTRAP_SERVERS, APPLICATION_ID, PROCESSING_GUARANTEE,
            STREAM_THREADS, COMMIT_INTERVAL_MS, STATE_DIR, TOPIC_REPLICATION, ROUTES_FILE, MODEL_PATH, LEXICON_DIR,
            HTTP_PORT, MAX_TEXT_CHARS, SUPPRESSION_WINDOW_MINUTES, LOG_LEVEL);

    private Settings() {
    }

    private static Map<String, Setting<?>> index(Setting<?>... settings) {
        Map<String, Setting<?>> byKey = new LinkedHashMap<>();
        for (Setting<?> setting : settings) {
            byKey.put(setting.key(), setting);
        }
        return Map.copyOf(byKey);
    }
}
