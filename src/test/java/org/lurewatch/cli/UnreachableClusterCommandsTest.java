package org.lurewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A cluster that does not answer stops every command that needs it with one line naming the address, within
 * {@code bootstrap.timeout.seconds} (2 s here) and exit code 1, before the model is loaded or anything is created.
 */
class UnreachableClusterCommandsTest {
    private static final String NOWHERE = "127.0.0.1:1";

    @Test
    void shouldStopRunTopicsCreateAclsApplyAndFeedbackExportWithOneLineNamingTheAddress() {
        for (String[] command : new String[][] {{"run", "--http-port", "0"}, {"topics", "create"}, {"acls", "apply"},
                {"kafka-users", "list"}, {"feedback", "export", "--out", "target/unreachable-export.jsonl"}}) {
            StringWriter err = new StringWriter();
            CommandLine commandLine = Lurewatch.commandLine();
            commandLine.setOut(new PrintWriter(new StringWriter(), true));
            commandLine.setErr(new PrintWriter(err, true));
            String[] args = new String[command.length + 4];
            System.arraycopy(command, 0, args, 0, command.length);
            System.arraycopy(new String[] {"--bootstrap-servers", NOWHERE, "--set", "bootstrap.timeout.seconds=2"}, 0, args,
                    command.length, 4);
            long start = System.nanoTime();

            int code = commandLine.execute(args);

            assertThat(code).as(String.join(" ", command)).isEqualTo(1);
            assertThat(err.toString()).as(String.join(" ", command)).hasLineCount(1)
                    .contains("cannot reach Kafka at " + NOWHERE + " (PLAINTEXT) within 2 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }
}
