package org.lurewatch.ops;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured line per lifecycle event, on the logger {@value #LOGGER_NAME}.
 *
 * <p>Lines are {@code key=value} pairs ({@link KeyValueLine}) so they can be grepped by eye and
 * parsed by a log pipeline. Callers pass settings, never secrets or post content.
 */
public final class LifecycleLog {
    public static final String LOGGER_NAME = "org.lurewatch.lifecycle";

    private final Logger log;

    public LifecycleLog(Logger log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    public static LifecycleLog create() {
        return new LifecycleLog(LoggerFactory.getLogger(LOGGER_NAME));
    }

    /** The process starts a command; {@code settings} are the non-secret settings worth seeing. */
    public void starting(String command, Map<String, ?> settings) {
        KeyValueLine line = KeyValueLine.event("starting").with("app", "lurewatch").with("command", command);
        settings.forEach(line::with);
        log.info("{}", line);
    }

    public void brokerReady(String bootstrapServers, Duration waited) {
        log.info("{}", KeyValueLine.event("broker_ready")
                .with("bootstrap_servers", bootstrapServers)
                .with("waited_ms", waited.toMillis()));
    }

    public void topicsCreated(Collection<String> created, int alreadyPresent) {
        log.info("{}", KeyValueLine.event("topics_ready")
                .with("created", created.size())
                .with("already_present", alreadyPresent)
                .with("created_topics", String.join(",", created)));
    }

    public void modelLoaded(String version, Duration took) {
        log.info("{}", KeyValueLine.event("model_loaded").with("version", version).with("took_ms", took.toMillis()));
    }

    /** A running instance took another model from its registry: {@code role} is {@code live} or {@code shadow}. */
    public void modelSwapped(String role, String from, String to, String file) {
        log.info("{}", KeyValueLine.event("model_swapped").with("role", role).with("from", from == null ? "none" : from)
                .with("to", to == null ? "none" : to).with("file", file == null ? "none" : file));
    }

    /** A model named by the registry could not be loaded; the instance keeps the one it has. */
    public void modelRejected(String role, String file, String reason, String kept) {
        log.error("{}", KeyValueLine.event("model_rejected").with("role", role).with("file", file).with("reason", reason)
                .with("kept", kept == null ? "none" : kept));
    }

    /**
     * The HTTP server (console, APIs, {@code /metrics}, {@code /healthz}, {@code /readyz}) answers at {@code baseUri}.
     *
     * @param takenPort the port asked for when it was taken and a free one was used instead (demo), else null
     */
    public void httpServing(URI baseUri, Integer takenPort) {
        KeyValueLine line = KeyValueLine.event("http_serving")
                .with("url", baseUri)
                .with("metrics", baseUri.resolve("/metrics"));
        if (takenPort != null) {
            line.with("requested_port", takenPort).with("note", "requested port in use, took a free one");
        }
        log.info("{}", line);
    }

    /** ERROR and PENDING_ERROR are logged at ERROR: the instance has stopped processing for good. */
    public void streamsStateChanged(KafkaStreams.State from, KafkaStreams.State to) {
        String line = KeyValueLine.event("streams_state").with("from", from).with("to", to).toString();
        if (to == KafkaStreams.State.ERROR || to == KafkaStreams.State.PENDING_ERROR) {
            log.error("{}", line);
        } else {
            log.info("{}", line);
        }
    }

    /**
     * A listener for {@link KafkaStreams#setStateListener}. Streams allows one listener; an app
     * that needs its own should call {@link #streamsStateChanged} from it instead.
     */
    public KafkaStreams.StateListener stateListener() {
        return (newState, oldState) -> streamsStateChanged(oldState, newState);
    }

    public void stopping(String reason) {
        log.info("{}", KeyValueLine.event("stopping").with("reason", reason));
    }

    public void stopped(Duration took) {
        log.info("{}", KeyValueLine.event("stopped").with("took_ms", took.toMillis()));
    }

    /** A failure that ends the command; the exception's stack trace follows the line. */
    public void failed(String stage, Throwable error) {
        log.error("{}", KeyValueLine.event("failed").with("stage", stage)
                .with("error", error.getClass().getName()).with("message", error.getMessage()), error);
    }
}
