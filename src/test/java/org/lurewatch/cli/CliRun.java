package org.lurewatch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * One {@code lurewatch} command run in this JVM, as an operator types it, against credential files under a test's
 * directory ({@code <dir>/access}, audit log {@code <dir>/audit.jsonl}): its exit code and what it printed.
 */
record CliRun(int code, String out, String err) {
    static CliRun of(Path dir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Lurewatch.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--access-dir=" + dir.resolve("access"));
        all.add("--set=access.audit.file=" + dir.resolve("audit.jsonl"));
        int code = commandLine.execute(all.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }
}
