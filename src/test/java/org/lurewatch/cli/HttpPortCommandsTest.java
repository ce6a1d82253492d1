package org.lurewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A taken HTTP port or a wrong listen address stops {@code run} and {@code demo} at once, with one line. */
class HttpPortCommandsTest {
    private record Run(int code, String err, Duration took) {
    }

    private static Run lurewatch(String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Lurewatch.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));
        long start = System.nanoTime();
        int code = commandLine.execute(args);
        return new Run(code, err.toString(), Duration.ofNanos(System.nanoTime() - start));
    }

    @Test
    void shouldStopRunOnATakenPortBeforeTouchingTheBroker() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            // Port 1 has no broker: had run got that far, it would hang for a minute instead of answering at once.
            Run run = lurewatch("run", "--bootstrap-servers", "127.0.0.1:1", "--http-port", Integer.toString(taken.getLocalPort()));

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("lurewatch run: cannot listen on 0.0.0.0:" + taken.getLocalPort()
                    + ": the port is in use by another program; choose another port with --http-port (0 picks a free one)"
                    + " or another address with --set http.host=...\n");
            assertThat(run.took()).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void shouldRefuseAnAddressThatIsNotThisMachines() {
        Run run = lurewatch("run", "--bootstrap-servers", "127.0.0.1:1", "--http-port", "0", "--set", "http.host=192.0.2.1");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("lurewatch run: cannot listen on 192.0.2.1:0: ").hasLineCount(1);
    }

    @Test
    void shouldKeepTheDemoOnThisMachine() {
        Run demo = lurewatch("demo", "--exit-when-idle", "1", "--set", "http.host=0.0.0.0");

        assertThat(demo.code()).isEqualTo(2);
        assertThat(demo.err()).isEqualTo("lurewatch demo: demo listens on this machine only (127.0.0.1); 'http.host' 0.0.0.0 "
                + "is not a loopback address. Use `lurewatch run` to serve other machines\n");
    }

    @Test
    void shouldRejectAMalformedListenAddressAsConfiguration() {
        Run run = lurewatch("run", "--bootstrap-servers", "127.0.0.1:1", "--set", "http.host=exa mple");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("bad value for 'http.host'").contains("not a host name or IP address");
    }
}
