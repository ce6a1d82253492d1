package org.lurewatch.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.access.WebhookSecret;
import org.lurewatch.delivery.WebhookSignature;
import org.lurewatch.kafka.Json;

/** The README's partner examples work: its batch is valid flags, its Python receiver accepts what Lurewatch signs. */
class ReadmeExamplesTest {
    private static final Path README = Path.of("README.md");

    @TempDir
    Path dir;

    @Test
    void shouldShowABatchOfValidFlags() throws Exception {
        OpenApiDocument openApi = OpenApiDocument.load();
        List<String> lines = block("flags-ndjson").lines().toList();

        assertThat(lines).hasSizeGreaterThan(1);
        for (String line : lines) {
            assertThat(openApi.validate("FlagEnvelope", Json.mapper().readTree(line))).as(line).isEmpty();
        }
    }

    @Test
    void shouldVerifyWhatLurewatchSignsWithThePythonReceiver() throws Exception {
        assumeTrue(python().isPresent(), "python3 is not installed; the README's Python receiver is not run");
        String secret = "whsec_" + Base64.getEncoder().encodeToString("a 32-byte secret for the readme!".getBytes(StandardCharsets.UTF_8));
        String other = "whsec_" + Base64.getEncoder().encodeToString("another secret, after a rotation".getBytes(StandardCharsets.UTF_8));
        byte[] body = "{\"specversion\":\"1.0\",\"id\":\"3f1c\",\"type\":\"org.lurewatch.alert.distress.v1\"}".getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String signed = WebhookSignature.header(List.of(secret(secret)), "3f1c", now, body);
        String rotated = WebhookSignature.header(List.of(secret(other), secret(secret)), "3f1c", now, body);
        String stale = WebhookSignature.header(List.of(secret(secret)), "3f1c", now - 600, body);
        Files.writeString(dir.resolve("receiver.py"), block("verify-python"));
        Files.writeString(dir.resolve("check.py"), String.join("\n",
                "import importlib.util, sys",
                "spec = importlib.util.spec_from_file_location('receiver', sys.argv[1])",
                "receiver = importlib.util.module_from_spec(spec)",
                "spec.loader.exec_module(receiver)",
                "body = " + pythonBytes(body),
                "def h(ts, sig): return {'webhook-id': '3f1c', 'webhook-timestamp': str(ts), 'webhook-signature': sig}",
                "print(receiver.verify('" + secret + "', h(" + now + ", '" + signed + "'), body),",
                "      receiver.verify('" + secret + "', h(" + now + ", '" + signed + "'), body + b' '),",
                "      receiver.verify('" + secret + "', h(" + (now - 600) + ", '" + stale + "'), body),",
                "      receiver.verify('" + secret + "', h(" + now + ", '" + rotated + "'), body),",
                "      receiver.verify('" + other + "', h(" + now + ", '" + signed + "'), body))",
                ""));

        Process process = new ProcessBuilder(python().get(), dir.resolve("check.py").toString(), dir.resolve("receiver.py").toString())
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(output).as("valid, tampered, stale, during a rotation, wrong secret").isEqualTo("True False False True False");
    }

    /** The fenced block right after {@code <!-- readme-example:<name> -->}. */
    private static String block(String name) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int marker = readme.indexOf("<!-- readme-example:" + name + " -->");
        assertThat(marker).as("README marker " + name).isNotNegative();
        int start = readme.indexOf('\n', readme.indexOf("```", marker)) + 1;
        return readme.substring(start, readme.indexOf("```", start));
    }

    private static java.util.Optional<String> python() {
        for (String candidate : List.of("python3", "python")) {
            try {
                Process probe = new ProcessBuilder(candidate, "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 6) else 1)")
                        .redirectErrorStream(true).start();
                if (probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return java.util.Optional.of(candidate);
                }
            } catch (IOException | InterruptedException e) {
                // not this one
            }
        }
        return java.util.Optional.empty();
    }

    private static String pythonBytes(byte[] body) {
        StringBuilder literal = new StringBuilder("bytes([");
        for (int i = 0; i < body.length; i++) {
            literal.append(i == 0 ? "" : ",").append(body[i] & 0xff);
        }
        return literal.append("])").toString();
    }

    private static WebhookSecret secret(String value) {
        return new WebhookSecret("readme0001", value, Instant.now(), null);
    }
}
