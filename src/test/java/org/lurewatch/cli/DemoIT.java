package org.lurewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lurewatch.kafka.Json;
import picocli.CommandLine;

/**
 * The README's first command, in process: {@code demo --json --exit-when-idle} on its own embedded broker with
 * the bundled model and sample feed.
 */
class DemoIT {
    private static final List<JsonNode> LINES = new ArrayList<>();
    private static int exitCode;
    private static int takenPort;
    private static String err;

    @BeforeAll
    static void runDemo() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter errors = new StringWriter();
        CommandLine commandLine = Lurewatch.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(errors, true));
        // The port the demo asks for is taken, as 8080 often is: it must take a free one and say which.
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            takenPort = taken.getLocalPort();
            exitCode = commandLine.execute("demo", "--json", "--exit-when-idle", "5", "--http-port", Integer.toString(takenPort));
        }
        err = errors.toString();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                LINES.add(Json.mapper().readTree(line));
            }
        }
    }

    @Test
    void shouldExitCleanlyWithASummaryAsTheLastLine() {
        assertThat(exitCode).isZero();
        JsonNode summary = LINES.get(LINES.size() - 1).get("summary");
        assertThat(summary).as("last line is the summary").isNotNull();
        assertThat(summary.get("posts_in").asInt()).isEqualTo(24);
        assertThat(summary.get("scored").asInt()).isEqualTo(21);
        assertThat(summary.get("dead_letters").asInt()).isEqualTo(3);
        assertThat(summary.get("alerts").asInt()).isEqualTo(LINES.size() - 1);
    }

    @Test
    void shouldTakeAFreePortOnThisMachineWhenTheAskedOneIsTaken() {
        assertThat(err).containsPattern("Port " + takenPort + " is in use; the demo serves on http://127\\.0\\.0\\.1:\\d+/ instead\\.")
                .containsPattern("Console on http://127\\.0\\.0\\.1:\\d+/console/ \\(this machine only\\)");
    }

    @Test
    void shouldFollowAModelRegistryOfItsOwnSeededWithTheBundledModelAndRemoveItAtTheEnd() {
        java.util.regex.Matcher registry = java.util.regex.Pattern
                .compile("Model registry (\\S+) \\(live lure-doccat-2\\.0\\.bin\\); 'lurewatch models promote FILE --registry ")
                .matcher(err);
        assertThat(registry.find()).as(err).isTrue();
        assertThat(java.nio.file.Path.of(registry.group(1))).doesNotExist();
    }

    @Test
    void shouldPrintAOneTimeLoginForADemoAnalyst() {
        assertThat(err).containsPattern("sign in as demo \\(hotline indonesia\\) with the one-time password [A-Za-z0-9]{20}");
    }

    @Test
    void shouldAlertEachLanguagesHotlineAboutTheSampleLures() {
        assertThat(alerts()).contains(
                "alerts.hotline.indonesia facebook:fb-1001",
                "alerts.hotline.vietnam facebook:fb-1002",
                "alerts.hotline.philippines tiktok:tt-2001",
                "alerts.hotline.thailand line:ln-4001",
                "alerts.hotline.myanmar facebook:fb-1003",
                "alerts.hotline.cambodia facebook:fb-1004",
                "alerts.hotline.malaysia jobstreet:js-6001",
                "alerts.hotline.regional x:x-5001");
    }

    @Test
    void shouldSendDistressToHotlinesOnly() {
        List<JsonNode> distress = LINES.stream()
                .filter(line -> line.has("event"))
                .filter(line -> line.at("/event/type").asText().contains(".distress."))
                .toList();
        assertThat(distress).extracting(line -> line.get("destination").asText())
                .isNotEmpty()
                .allMatch(topic -> topic.startsWith("alerts.hotline."));
    }

    @Test
    void shouldLeaveTheWarningsAndOrdinaryJobsAlone() {
        assertThat(alerts()).noneMatch(alert -> alert.endsWith("facebook:fb-1007")
                || alert.endsWith("jobstreet:js-6002") || alert.endsWith("linkedin:li-7001")
                || alert.endsWith("indeed:in-8001") || alert.endsWith("facebook:fb-1008"));
    }

    private static List<String> alerts() {
        return LINES.stream()
                .filter(line -> line.has("event"))
                .map(line -> line.get("destination").asText() + " "
                        + line.at("/event/data/post/key").asText(line.at("/event/subject").asText()))
                .toList();
    }
}
