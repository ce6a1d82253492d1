package org.lurewatch.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Builds {@link LurewatchConfig} from four sources, each overriding the one before:
 * <ol>
 *   <li>defaults ({@link Settings}),</li>
 *   <li>a properties file ({@code --config FILE}),</li>
 *   <li>environment variables {@code LUREWATCH_<KEY>} with dots as underscores
 *       ({@code LUREWATCH_BOOTSTRAP_SERVERS} sets {@code bootstrap.servers}),</li>
 *   <li>command-line flags.</li>
 * </ol>
 * An unknown key or a bad value stops the start with a {@link ConfigException} naming the key, where it came
 * from, and what is allowed; so does a {@code kafka.*} key for a setting Lurewatch owns
 * ({@link Settings#OWNED_KAFKA_KEYS}), naming the typed key to use instead.
 */
public final class ConfigLoader {
    static final String ENV_PREFIX = "LUREWATCH_";

    private ConfigLoader() {
    }

    public static LurewatchConfig load(Optional<Path> file, Map<String, String> environment, Map<String, String> flags) {
        Map<String, Sourced> raw = new LinkedHashMap<>();
        file.ifPresent(path -> readFile(path).forEach((key, value) -> raw.put(key, new Sourced(value, "file " + path))));
        fromEnvironment(environment).forEach((key, value) -> raw.put(key, new Sourced(value, "environment " + envName(key))));
        flags.forEach((key, value) -> raw.put(key, new Sourced(value, "flag --" + key)));
        return build(raw);
    }

    /** The environment variable that sets a key: {@code http.port} is {@code LUREWATCH_HTTP_PORT}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static Map<String, String> readFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("config file " + path + " does not exist or is not a file");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read config file " + path + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    private static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> values = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX)) {
                String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                values.put(key, value);
            }
        });
        return values;
    }

    private static LurewatchConfig build(Map<String, Sourced> raw) {
        Map<String, String> kafka = new TreeMap<>();
        raw.forEach((key, sourced) -> {
            if (key.startsWith(Settings.KAFKA_PREFIX)) {
                String kafkaKey = key.substring(Settings.KAFKA_PREFIX.length());
                String instead = Settings.OWNED_KAFKA_KEYS.get(kafkaKey);
                if (instead == null && raw.containsKey(Settings.SASL_USERNAME.key())) {
                    instead = Settings.SASL_KAFKA_KEYS.get(kafkaKey);
                }
                if (instead != null) {
                    throw new ConfigException("'" + key + "' (from " + sourced.source() + ") is set by Lurewatch itself, "
                            + "and an override would undo it; " + instead);
                }
                kafka.put(kafkaKey, sourced.value());
            } else if (!Settings.ALL.containsKey(key)) {
                throw new ConfigException("unknown config key '" + key + "' (from " + sourced.source() + ")"
                        + closest(key) + "; known keys: " + String.join(", ", new TreeMap<>(Settings.ALL).keySet())
                        + ", or kafka.<any Kafka client setting>");
            }
        });
        return new LurewatchConfig(
                Optional.ofNullable(value(Settings.BOOTSTRAP_SERVERS, raw)),
                value(Settings.APPLICATION_ID, raw),
                value(Settings.PROCESSING_GUARANTEE, raw),
                value(Settings.STREAM_THREADS, raw),
                value(Settings.COMMIT_INTERVAL_MS, raw),
                Optional.ofNullable(value(Settings.STATE_DIR, raw)).map(Path::of),
                value(Settings.TOPIC_REPLICATION, raw).shortValue(),
                Optional.ofNullable(value(Settings.ROUTES_FILE, raw)).map(Path::of),
                Optional.ofNullable(value(Settings.MODEL_PATH, raw)).map(Path::of),
                Optional.ofNullable(value(Settings.LEXICON_DIR, raw)).map(Path::of),
                value(Settings.HTTP_PORT, raw),
                value(Settings.MAX_TEXT_CHARS, raw),
                Duration.ofMinutes(value(Settings.SUPPRESSION_WINDOW_MINUTES, raw)),
                value(Settings.LOG_LEVEL, raw),
                new HttpConfig(Optional.ofNullable(value(Settings.HTTP_HOST, raw)), value(Settings.HTTP_MAX_REQUEST_BYTES, raw),
                        value(Settings.HTTP_SECURE_COOKIES, raw)),
                new AccessConfig(Path.of(value(Settings.ACCESS_DIR, raw)),
                        Optional.ofNullable(value(Settings.ACCESS_AUDIT_FILE, raw)).map(Path::of),
                        Duration.ofMinutes(value(Settings.SESSION_IDLE_MINUTES, raw)),
                        Duration.ofHours(value(Settings.SESSION_MAX_HOURS, raw)),
                        value(Settings.LOGIN_FAILURES_PER_USER, raw), value(Settings.LOGIN_FAILURES_PER_ADDRESS, raw),
                        Duration.ofMinutes(value(Settings.LOGIN_WINDOW_MINUTES, raw))),
                new ModelConfig(Optional.ofNullable(value(Settings.MODEL_REGISTRY_DIR, raw)).map(Path::of),
                        Duration.ofSeconds(value(Settings.MODEL_REGISTRY_POLL_SECONDS, raw)),
                        value(Settings.MODEL_ALLOW_LEXICON_MISMATCH, raw), value(Settings.MODEL_SHADOW_SAMPLES_PER_MINUTE, raw)),
                new ClusterConfig(Duration.ofSeconds(value(Settings.BOOTSTRAP_TIMEOUT_SECONDS, raw)),
                        value(Settings.TOPICS_CREATE, raw), Optional.ofNullable(value(Settings.INSTANCE_ID, raw)),
                        Optional.ofNullable(value(Settings.SASL_USERNAME, raw)),
                        Optional.ofNullable(value(Settings.SASL_PASSWORD_FILE, raw)).map(Path::of),
                        value(Settings.SASL_MECHANISM, raw)),
                new ErrorPolicyConfig(value(Settings.THREAD_REPLACEMENTS_MAX, raw),
                        Duration.ofMinutes(value(Settings.THREAD_REPLACEMENTS_WINDOW_MINUTES, raw))),
                new ConsoleConfig(value(Settings.CONSOLE_MAX_ALERTS, raw)),
                new PartnerConfig(value(Settings.FLAGS_MAX_BATCH, raw), value(Settings.FLAGS_RATE_PER_MINUTE, raw),
                        value(Settings.API_REQUESTS_PER_MINUTE, raw),
                        Duration.ofMillis(value(Settings.FLAGS_CONFIRM_TIMEOUT_MS, raw)),
                        Duration.ofDays(value(Settings.FLAGS_DEDUPE_DAYS, raw)), value(Settings.SIGNALS_PAGE_MAX, raw)),
                new WebhookConfig(value(Settings.WEBHOOKS_ENABLED, raw), value(Settings.WEBHOOKS_MAX_IN_FLIGHT, raw),
                        Duration.ofMillis(value(Settings.WEBHOOKS_RETRY_INITIAL_MS, raw)),
                        Duration.ofMillis(value(Settings.WEBHOOKS_RETRY_MAX_MS, raw)),
                        value(Settings.WEBHOOKS_MAX_ATTEMPTS, raw), Duration.ofMillis(value(Settings.WEBHOOKS_TIMEOUT_MS, raw))),
                topology(raw),
                kafka);
    }

    private static TopologyConfig topology(Map<String, Sourced> raw) {
        Duration ttl = Duration.ofDays(value(Settings.CAMPAIGN_TTL_DAYS, raw));
        Duration pending = Duration.ofHours(value(Settings.CAMPAIGN_PENDING_TTL_HOURS, raw));
        Duration purge = Duration.ofMinutes(value(Settings.CAMPAIGN_PURGE_INTERVAL_MINUTES, raw));
        if (pending.compareTo(ttl) > 0) {
            throw new ConfigException("'" + Settings.CAMPAIGN_PENDING_TTL_HOURS.key() + "' (" + pending.toHours()
                    + " hours) must not be longer than '" + Settings.CAMPAIGN_TTL_DAYS.key() + "' (" + ttl.toDays() + " days)");
        }
        if (purge.compareTo(pending) > 0) {
            throw new ConfigException("'" + Settings.CAMPAIGN_PURGE_INTERVAL_MINUTES.key() + "' (" + purge.toMinutes()
                    + " minutes) must not be longer than '" + Settings.CAMPAIGN_PENDING_TTL_HOURS.key() + "' ("
                    + pending.toHours() + " hours), or expired state outlives its time to live by more than the sweep");
        }
        return new TopologyConfig(ttl, pending, purge, Duration.ofMillis(value(Settings.CAMPAIGN_PUBLISH_INTERVAL_MS, raw)),
                Duration.ofDays(value(Settings.FEEDBACK_FACTS_TTL_DAYS, raw)),
                Duration.ofDays(value(Settings.SIGNALS_SIGHTINGS_TTL_DAYS, raw)));
    }

    private static <T> T value(Setting<T> setting, Map<String, Sourced> raw) {
        Sourced sourced = raw.get(setting.key());
        if (sourced == null) {
            return setting.defaultValue() == null ? null : setting.parse(setting.defaultValue());
        }
        try {
            return setting.parse(sourced.value());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("bad value for '" + setting.key() + "' (from " + sourced.source() + "): "
                    + e.getMessage() + "; expected " + setting.allowed(), e);
        }
    }

    private static String closest(String key) {
        return Settings.ALL.keySet().stream()
                .min(Comparator.comparingInt(known -> editDistance(known, key)))
                .filter(known -> editDistance(known, key) <= 3)
                .map(known -> "; did you mean '" + known + "'?")
                .orElse("");
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private record Sourced(String value, String source) {
    }
}
