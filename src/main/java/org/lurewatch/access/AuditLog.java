package org.lurewatch.access;

import java.time.Instant;

/**
 * Where the record of who viewed, judged or changed what goes: ids only, never post text ({@link AuditEvent} refuses
 * anything else). The console records views and verdicts, the flag API each submission, the CLI every account and key
 * change. {@link FileAuditLog} writes JSON lines.
 */
@FunctionalInterface
public interface AuditLog {
    void record(AuditEvent event);

    /** Records that {@code actor} did {@code action} to {@code object}, now. */
    default void record(Principal actor, String action, String object, AuditEvent.Outcome outcome, String via) {
        record(new AuditEvent(Instant.now(), actor.name(), action, object, outcome, via));
    }

    /** The actor name of someone running a command on the host: {@code cli:<os user>}. */
    static String cliActor() {
        String user = System.getProperty("user.name", "unknown").replaceAll("[^A-Za-z0-9._@-]", "_");
        return "cli:" + (user.isEmpty() ? "unknown" : user.substring(0, Math.min(64, user.length())));
    }
}
