package org.lurewatch.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.lurewatch.config.ErrorPolicyConfig;
import org.lurewatch.ops.PipelineEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a stream thread dies: a new thread replaces it, at most {@code streams.thread.replacements.max}
 * times in {@code streams.thread.replacements.window.minutes}; the next failure in that window shuts this instance
 * down ({@code SHUTDOWN_CLIENT}) with one {@code event=streams_failed} line, instead of replacing a thread that fails
 * on the same record forever. Per-record failures never get here: they become dead letters, except in stateful
 * processors, which fail loudly ({@code DeadLetterProcessingHandler}) so that no campaign state is lost silently.
 */
final class ThreadFailurePolicy implements StreamsUncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger("org.lurewatch.lifecycle");

    private final ErrorPolicyConfig policy;
    private final PipelineEvents events;
    private final Clock clock;
    private final Deque<Instant> replacements = new ArrayDeque<>();

    ThreadFailurePolicy(ErrorPolicyConfig policy, PipelineEvents events, Clock clock) {
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        Instant now = clock.instant();
        while (!replacements.isEmpty() && replacements.peekFirst().isBefore(now.minus(policy.window()))) {
            replacements.removeFirst();
        }
        String error = describe(exception);
        if (replacements.size() < policy.maxReplacements()) {
            replacements.addLast(now);
            events.streamThreadFailed("replaced");
            LOG.error("event=stream_thread_replaced replacements_in_window={} max={} window_minutes={} error={}",
                    replacements.size(), policy.maxReplacements(), policy.window().toMinutes(), error, exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        events.streamThreadFailed("shutdown");
        LOG.error("event=streams_failed action=shutdown reason=\"a stream thread failed {} times within {} minutes "
                        + "(streams.thread.replacements.max={})\" error={}", replacements.size() + 1,
                policy.window().toMinutes(), policy.maxReplacements(), error);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /** The exception and its root cause in one line: {@code StreamsException: ... <- IllegalStateException: ...}. */
    static String describe(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String line = exception.getClass().getSimpleName() + ": " + exception.getMessage();
        if (root != exception) {
            line += " <- " + root.getClass().getSimpleName() + ": " + root.getMessage();
        }
        return "\"" + line.replace('"', '\'').replace('\n', ' ') + "\"";
    }
}
