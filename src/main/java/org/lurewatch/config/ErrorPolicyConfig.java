package org.lurewatch.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What an instance does when a stream thread dies ({@code streams.thread.replacements.*}): it replaces the thread at
 * most {@code maxReplacements} times within {@code window}; one more failure in that window shuts the instance down
 * cleanly, with one log line, instead of replacing threads forever.
 *
 * @param maxReplacements {@code streams.thread.replacements.max}; 0 shuts down at the first failure
 * @param window          {@code streams.thread.replacements.window.minutes}
 */
public record ErrorPolicyConfig(int maxReplacements, Duration window) {
    public ErrorPolicyConfig {
        Objects.requireNonNull(window, "window");
    }
}
