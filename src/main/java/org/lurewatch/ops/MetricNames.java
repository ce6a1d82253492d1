package org.lurewatch.ops;

/**
 * The names of Lurewatch's own meters, in Micrometer form (dot-separated, lower case).
 *
 * <p>Prometheus renders them with underscores and a unit or type suffix:
 * {@code lurewatch.posts.ingested} becomes {@code lurewatch_posts_ingested_total},
 * {@code lurewatch.scoring.latency} becomes {@code lurewatch_scoring_latency_seconds_bucket},
 * {@code _count}, {@code _sum} and {@code _max}. The dashboard and the alert rules use the
 * Prometheus form; {@code MetricNamesTest} checks they exist.
 */
public final class MetricNames {
    public static final String POSTS_INGESTED = "lurewatch.posts.ingested";
    public static final String POSTS_ASSESSED = "lurewatch.posts.assessed";
    public static final String SCORING_LATENCY = "lurewatch.scoring.latency";
    public static final String ALERTS_SENT = "lurewatch.alerts.sent";
    public static final String ALERTS_SUPPRESSED = "lurewatch.alerts.suppressed";
    public static final String ALERT_LATENCY = "lurewatch.alert.latency";
    public static final String DEAD_LETTERS = "lurewatch.deadletters";
    public static final String MODEL_INFO = "lurewatch.model.info";
    public static final String CAMPAIGNS = "lurewatch.campaigns";
    public static final String MODEL_REJECTIONS = "lurewatch.model.rejections";
    public static final String SHADOW_SCORED = "lurewatch.shadow.scored";
    public static final String SHADOW_DISAGREEMENTS = "lurewatch.shadow.disagreements";
    public static final String STREAMS_RUNNING = "lurewatch.streams.running";
    public static final String STREAMS_STATE = "lurewatch.streams.state";
    public static final String STREAM_THREAD_FAILURES = "lurewatch.stream.thread.failures";
    public static final String WEBHOOK_DELIVERIES = "lurewatch.webhook.deliveries";
    public static final String WEBHOOK_RETRIES = "lurewatch.webhook.retries";
    public static final String WEBHOOK_RETRYING = "lurewatch.webhook.retrying";
    public static final String WEBHOOK_LATENCY = "lurewatch.webhook.latency";
    public static final String WEBHOOK_OLDEST_PENDING = "lurewatch.webhook.oldest.pending";
    public static final String FLAGS = "lurewatch.flags";
    public static final String PARTNER_API_LIMITED = "lurewatch.partner.api.limited";
    public static final String SIGNALS_ACTIVE = "lurewatch.signals.active";

    public static final String TAG_SOURCE = "source";
    public static final String TAG_KIND = "kind";
    public static final String TAG_CATEGORY = "category";
    public static final String TAG_BAND = "band";
    public static final String TAG_DESTINATION_KIND = "destination.kind";
    public static final String TAG_DESTINATION = "destination";
    public static final String TAG_TYPE = "type";
    public static final String TAG_REASON = "reason";
    public static final String TAG_VERSION = "version";
    public static final String TAG_STATE = "state";
    public static final String TAG_LIVE = "live";
    public static final String TAG_CANDIDATE = "candidate";
    public static final String TAG_ACTION = "action";
    /** {@link #STREAM_THREAD_FAILURES} actions: the thread was replaced, or the instance shut down. */
    public static final java.util.List<String> THREAD_FAILURE_ACTIONS = java.util.List.of("replaced", "shutdown");
    public static final String TAG_ENDPOINT = "endpoint";
    public static final String TAG_OWNER = "owner";
    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_PARTNER = "partner";
    public static final String TAG_RESULT = "result";
    public static final String TAG_LIMIT = "limit";

    private MetricNames() {
    }
}
