package org.lurewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code feedback export}'s input checks, before it asks any cluster (the cluster itself: FeedbackToModelIT). */
class FeedbackCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldRefuseASinceThatIsNeitherADateNorATimeWithOneLine() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Lurewatch.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));

        int code = commandLine.execute("feedback", "export", "--bootstrap-servers", "127.0.0.1:1", "--out",
                dir.resolve("v.jsonl").toString(), "--since", "last week");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("lurewatch feedback export: --since 'last week' is neither a date");
        assertThat(dir.resolve("v.jsonl")).doesNotExist();
    }

    @Test
    void shouldSayThatItNeedsACluster() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Lurewatch.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        int code = commandLine.execute("feedback", "export", "--out", dir.resolve("v.jsonl").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("'bootstrap.servers' is not set");
    }
}
