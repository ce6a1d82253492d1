package org.lurewatch.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.lurewatch.access.Access;
import org.lurewatch.access.AuditEvent;
import org.lurewatch.access.AuditLog;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * One {@code accounts} or {@code apikeys} subcommand: the access flags, the access services opened and closed around
 * {@link #run}, and an audit line per change ({@code cli:<os user>} did what to which object).
 */
abstract class AccessSubcommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AccessOptions options;

    @Override
    public final Integer call() {
        try (Access access = options.open()) {
            PrintWriter out = spec.commandLine().getOut();
            int code = run(access, out);
            out.flush();
            return code;
        }
    }

    abstract int run(Access access, PrintWriter out);

    static void audit(Access access, String action, String object) {
        access.audit().record(new AuditEvent(Instant.now(), AuditLog.cliActor(), action, object, AuditEvent.Outcome.OK, "cli"));
    }
}
