package org.lurewatch.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where credentials live and how logins and sessions are limited ({@code access.*}).
 *
 * @param dir                   {@code access.dir}: accounts.json, apikeys.json
 * @param auditFile             {@code access.audit.file}; empty means {@code <dir>/audit.jsonl}
 * @param sessionIdle           {@code access.session.idle.minutes}
 * @param sessionMax            {@code access.session.max.hours}
 * @param maxFailuresPerUser    {@code access.login.max.failures.per.user}
 * @param maxFailuresPerAddress {@code access.login.max.failures.per.address}
 * @param loginWindow           {@code access.login.window.minutes}
 */
public record AccessConfig(Path dir, Optional<Path> auditFile, Duration sessionIdle, Duration sessionMax,
                           int maxFailuresPerUser, int maxFailuresPerAddress, Duration loginWindow) {
    public AccessConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(auditFile, "auditFile");
        if (sessionMax.compareTo(sessionIdle) < 0) {
            throw new ConfigException("'access.session.max.hours' (" + sessionMax.toHours() + " h) is shorter than "
                    + "'access.session.idle.minutes' (" + sessionIdle.toMinutes() + " min); raise the first or lower the second");
        }
    }

    /** The audit log file: {@code access.audit.file}, else {@code <access.dir>/audit.jsonl}. */
    public Path auditFileOrDefault() {
        return auditFile.orElse(dir.resolve("audit.jsonl"));
    }
}
