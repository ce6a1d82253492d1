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
            "port of the HTTP server (console, APIs, /metrics, /healthz, /readyz); 0 picks a free port");
    static final Setting<String> HTTP_HOST = Setting.host("http.host",
            "address the HTTP server listens on; empty means 0.0.0.0 for run and 127.0.0.1 for demo");
    static final Setting<Integer> HTTP_MAX_REQUEST_BYTES = Setting.integer("http.max.request.bytes", 1_048_576, 1024,
            64 * 1_048_576, "largest request body the HTTP server accepts (larger gets 413)");
    static final Setting<Boolean> HTTP_SECURE_COOKIES = Setting.bool("http.secure.cookies", false,
            "mark session cookies Secure; set true when a TLS proxy serves the console over https");
    static final Setting<String> ACCESS_DIR = Setting.text("access.dir", "access",
            "directory of accounts.json and apikeys.json (owner-only); shared by the CLI and every instance");
    static final Setting<String> ACCESS_AUDIT_FILE = Setting.optionalText("access.audit.file",
            "audit log (JSON lines); empty means <access.dir>/audit.jsonl");
    static final Setting<Integer> SESSION_IDLE_MINUTES = Setting.integer("access.session.idle.minutes", 30, 1, 24 * 60,
            "a console session ends after this long without a request");
    static final Setting<Integer> SESSION_MAX_HOURS = Setting.integer("access.session.max.hours", 12, 1, 30 * 24,
            "a console session ends this long after login, however active");
    static final Setting<Integer> LOGIN_FAILURES_PER_USER = Setting.integer("access.login.max.failures.per.user", 5, 1,
            1000, "failed logins per username in the window before further attempts get 429");
    static final Setting<Integer> LOGIN_FAILURES_PER_ADDRESS = Setting.integer("access.login.max.failures.per.address",
            20, 1, 100_000, "failed logins per client address in the window before further attempts get 429");
    static final Setting<Integer> LOGIN_WINDOW_MINUTES = Setting.integer("access.login.window.minutes", 15, 1, 24 * 60,
            "the sliding window of the login limits");
    static final Setting<Integer> MAX_TEXT_CHARS = Setting.integer("ingest.max.text.chars", 20_000, 100, 1_000_000,
            "longer post texts are dead-lettered as oversized");
    static final Setting<Integer> SUPPRESSION_WINDOW_MINUTES = Setting.integer("alert.update.window.minutes", 60, 0,
            7 * 24 * 60, "at most one campaign update per hotline per this many minutes");
    static final Setting<Integer> CONSOLE_MAX_ALERTS = Setting.integer("console.max.alerts.per.hotline", 50_000, 100,
            5_000_000, "alerts per hotline the console keeps in memory (each instance reads them all); older ones leave it");
    static final Setting<Integer> FLAGS_MAX_BATCH = Setting.integer("partner.flags.max.batch", 1000, 1, 100_000,
            "most flags in one POST /v1/flags request (more gets 413)");
    static final Setting<Integer> FLAGS_RATE_PER_MINUTE = Setting.integer("partner.flags.rate.per.minute", 6000, 1,
            10_000_000, "flags each partner may submit per minute per instance (more gets 429)");
    static final Setting<Integer> API_REQUESTS_PER_MINUTE = Setting.integer("partner.api.requests.per.minute", 600, 1,
            10_000_000, "requests each partner may make to /v1 per minute per instance (more gets 429)");
    static final Setting<Integer> FLAGS_CONFIRM_TIMEOUT_MS = Setting.integer("partner.flags.confirm.timeout.ms", 10_000,
            100, 600_000, "how long a flag request waits for Kafka to confirm its writes before answering 503");
    static final Setting<Integer> FLAGS_DEDUPE_DAYS = Setting.integer("partner.flags.dedupe.days", 7, 1, 365,
            "a flag for the same (partner, post) within this many days is a duplicate (keep it at most the flag topics' retention)");
    static final Setting<Integer> SIGNALS_PAGE_MAX = Setting.integer("partner.signals.page.max", 1000, 1, 100_000,
            "most signals in one GET /v1/signals page (the limit parameter's ceiling)");
    static final Setting<Boolean> WEBHOOKS_ENABLED = Setting.bool("webhooks.enabled", true,
            "deliver alerts and signals to the endpoints in <access.dir>/webhooks.json from this instance");
    static final Setting<Integer> WEBHOOKS_MAX_IN_FLIGHT = Setting.integer("webhooks.max.in.flight", 8, 1, 256,
            "deliveries one endpoint may have under way at once (1 keeps strict order)");
    static final Setting<Integer> WEBHOOKS_RETRY_INITIAL_MS = Setting.integer("webhooks.retry.initial.ms", 1000, 1,
            3_600_000, "the first retry's delay; each further retry doubles it, with jitter");
    static final Setting<Integer> WEBHOOKS_RETRY_MAX_MS = Setting.integer("webhooks.retry.max.ms", 300_000, 1,
            86_400_000, "the longest delay between two attempts (also caps a receiver's Retry-After)");
    static final Setting<Integer> WEBHOOKS_MAX_ATTEMPTS = Setting.integer("webhooks.max.attempts", 20, 1, 1000,
            "attempts per message before it goes to the delivery dead-letter topic");
    static final Setting<Integer> WEBHOOKS_TIMEOUT_MS = Setting.integer("webhooks.timeout.ms", 10_000, 100, 300_000,
            "how long one attempt waits for the receiver's answer");
    static final Setting<String> LOG_LEVEL = Setting.oneOf("log.level", "info",
            List.of("trace", "debug", "info", "warn", "error"), "log level for Lurewatch's own logs");

    static final Setting<Integer> BOOTSTRAP_TIMEOUT_SECONDS = Setting.integer("bootstrap.timeout.seconds", 15, 1, 600,
            "how long run, topics create and acls apply wait for the Kafka cluster before failing with one line");
    static final Setting<Boolean> TOPICS_CREATE = Setting.bool("topics.create", true,
            "run creates missing catalogue topics; false when the operator ran `topics create` (no CREATE right needed)");
    static final Setting<String> INSTANCE_ID = Setting.optionalText("instance.id",
            "stable id of this instance (static group membership: a restarted instance takes its partitions back at "
                    + "once); empty means one kept in state.dir, or none when the state directory is temporary");
    static final Setting<String> SASL_USERNAME = Setting.optionalText("sasl.username",
            "Kafka user (SASL/SCRAM) to authenticate as; needs sasl.password.file");
    static final Setting<String> SASL_PASSWORD_FILE = Setting.optionalText("sasl.password.file",
            "file whose first line is the password of sasl.username (keep it owner-only)");
    static final Setting<String> SASL_MECHANISM = Setting.oneOf("sasl.mechanism", "SCRAM-SHA-512",
            List.of("SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN"),
            "SASL mechanism for sasl.username: SCRAM for the app, feeds, hotlines and partners; PLAIN for the operator");
    static final Setting<Integer> THREAD_REPLACEMENTS_MAX = Setting.integer("streams.thread.replacements.max", 3, 0, 100,
            "stream threads replaced after a failure within the window; one more failure shuts the instance down");
    static final Setting<Integer> THREAD_REPLACEMENTS_WINDOW_MINUTES = Setting.integer(
            "streams.thread.replacements.window.minutes", 10, 1, 24 * 60, "the window of streams.thread.replacements.max");
    static final Setting<String> MODEL_REGISTRY_DIR = Setting.optionalText("model.registry.dir",
            "a model registry (lurewatch models ...) to take the live model and a shadow candidate from, followed without restart");
    static final Setting<Integer> MODEL_REGISTRY_POLL_SECONDS = Setting.integer("model.registry.poll.seconds", 5, 1, 3600,
            "how often the model registry's pointers are read");
    static final Setting<Boolean> MODEL_ALLOW_LEXICON_MISMATCH = Setting.bool("model.allow.lexicon.mismatch", false,
            "load a model even when the lexicons differ from those it was trained with");
    static final Setting<Integer> MODEL_SHADOW_SAMPLES_PER_MINUTE = Setting.integer("model.shadow.samples.per.minute", 60, 0,
            60_000, "disagreements of a shadow candidate written to the models.shadow topic at most this often");

    static final Setting<Integer> CAMPAIGN_TTL_DAYS = Setting.integer("campaign.ttl.days", 30, 1, 3650,
            "a campaign (and what hotlines were told of it) or a link key unused this long is forgotten; a recruiter "
                    + "who comes back later starts a new campaign");
    static final Setting<Integer> CAMPAIGN_PENDING_TTL_HOURS = Setting.integer("campaign.pending.ttl.hours", 24, 1,
            30 * 24, "a post still waiting for its link answers after this long is given up (only if a record was lost)");
    static final Setting<Integer> CAMPAIGN_PURGE_INTERVAL_MINUTES = Setting.integer("campaign.purge.interval.minutes",
            60, 1, 24 * 60, "how often, in stream time, the campaign stores are swept (the grain of their time indexes)");
    static final Setting<Integer> CAMPAIGN_PUBLISH_INTERVAL_MS = Setting.integer("campaign.publish.interval.ms", 100, 1,
            600_000, "a changed campaign is written to the campaigns topic at most once per this much wall-clock time");
    static final Setting<Integer> FEEDBACK_FACTS_TTL_DAYS = Setting.integer("feedback.facts.ttl.days", 90, 1, 3650,
            "how long a post's or campaign's contacts are kept for a verdict to resolve to; a later verdict finds none");
    static final Setting<Integer> SIGNALS_SIGHTINGS_TTL_DAYS = Setting.integer("signals.sightings.ttl.days", 90, 1, 3650,
            "a contact no verdict names is forgotten this long after it was last sighted");

    /**
     * Kafka settings Lurewatch sets itself, each with what to use instead: a {@code kafka.<key>} override of one of
     * them would silently undo a validated setting (or the dead-letter handling), so the loader refuses it.
     */
    static final Map<String, String> OWNED_KAFKA_KEYS = Map.ofEntries(
            Map.entry("bootstrap.servers", "use 'bootstrap.servers'"),
            Map.entry("application.id", "use 'application.id'"),
            Map.entry("processing.guarantee", "use 'processing.guarantee' (" + PROCESSING_GUARANTEE.allowed() + ")"),
            Map.entry("num.stream.threads", "use 'num.stream.threads'"),
            Map.entry("commit.interval.ms", "use 'commit.interval.ms'"),
            Map.entry("state.dir", "use 'state.dir'"),
            Map.entry("replication.factor", "use 'topics.replication.factor'"),
            Map.entry("group.instance.id", "use 'instance.id'"),
            Map.entry("main.consumer.group.instance.id", "use 'instance.id'"),
            Map.entry("consumer.group.instance.id", "use 'instance.id'"),
            Map.entry("default.key.serde", "every topic's serdes are set in code (kafka.Topics and the topologies)"),
            Map.entry("default.value.serde", "every topic's serdes are set in code (kafka.Topics and the topologies)"),
            Map.entry("deserialization.exception.handler", "bad records always go to the dead-letter topic"),
            Map.entry("processing.exception.handler", "bad records always go to the dead-letter topic"),
            Map.entry("production.exception.handler", "bad records always go to the dead-letter topic"));

    /** Kafka settings Lurewatch sets only when {@code sasl.username} is given. */
    static final Map<String, String> SASL_KAFKA_KEYS = Map.of(
            "sasl.jaas.config", "use 'sasl.username' and 'sasl.password.file'",
            "sasl.mechanism", "use 'sasl.mechanism'");

    static final Map<String, Setting<?>> ALL = index(BOOTSTRAP_SERVERS, APPLICATION_ID, PROCESSING_GUARANTEE,
            STREAM_THREADS, COMMIT_INTERVAL_MS, STATE_DIR, TOPIC_REPLICATION, ROUTES_FILE, MODEL_PATH, LEXICON_DIR,
            HTTP_PORT, MAX_TEXT_CHARS, SUPPRESSION_WINDOW_MINUTES, LOG_LEVEL, HTTP_HOST, HTTP_MAX_REQUEST_BYTES,
            HTTP_SECURE_COOKIES, ACCESS_DIR, ACCESS_AUDIT_FILE, SESSION_IDLE_MINUTES, SESSION_MAX_HOURS,
            LOGIN_FAILURES_PER_USER, LOGIN_FAILURES_PER_ADDRESS, LOGIN_WINDOW_MINUTES, MODEL_REGISTRY_DIR,
            MODEL_REGISTRY_POLL_SECONDS, MODEL_ALLOW_LEXICON_MISMATCH, MODEL_SHADOW_SAMPLES_PER_MINUTE,
            BOOTSTRAP_TIMEOUT_SECONDS, TOPICS_CREATE, INSTANCE_ID, SASL_USERNAME, SASL_PASSWORD_FILE, SASL_MECHANISM,
            THREAD_REPLACEMENTS_MAX, THREAD_REPLACEMENTS_WINDOW_MINUTES,
            CONSOLE_MAX_ALERTS, FLAGS_MAX_BATCH,
            FLAGS_RATE_PER_MINUTE, API_REQUESTS_PER_MINUTE, FLAGS_CONFIRM_TIMEOUT_MS, FLAGS_DEDUPE_DAYS, SIGNALS_PAGE_MAX,
            WEBHOOKS_ENABLED, WEBHOOKS_MAX_IN_FLIGHT, WEBHOOKS_RETRY_INITIAL_MS, WEBHOOKS_RETRY_MAX_MS,
            WEBHOOKS_MAX_ATTEMPTS, WEBHOOKS_TIMEOUT_MS, CAMPAIGN_TTL_DAYS, CAMPAIGN_PENDING_TTL_HOURS,
            CAMPAIGN_PURGE_INTERVAL_MINUTES, CAMPAIGN_PUBLISH_INTERVAL_MS, FEEDBACK_FACTS_TTL_DAYS,
            SIGNALS_SIGHTINGS_TTL_DAYS);

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
