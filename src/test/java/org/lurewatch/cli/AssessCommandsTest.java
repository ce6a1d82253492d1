package org.lurewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.kafka.Json;
import picocli.CommandLine;

/** The score and eval commands as a user runs them (the lead registers them under the top-level command). */
class AssessCommandsTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Object command, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(command).execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void shouldScoreAnIndonesianLureWithLocalLabelsAndEvidence() throws Exception {
        String text = "Dibutuhkan admin online di Kamboja, gaji 18 juta/bulan, tiket pesawat ditanggung, tanpa pengalaman. WA 0812-3456-7890";
        Run r = run(new ScoreCommand(), text);
        assertThat(r.exit()).isZero();
        JsonNode a = Json.mapper().readTree(r.out());
        assertThat(a.path("category").asText()).isEqualTo("lure");
        assertThat(a.path("language").asText()).isEqualTo("id");
        JsonNode travel = null;
        for (JsonNode i : a.path("indicators")) {
            if (i.path("code").asText().equals("PAID_TRAVEL")) {
                travel = i;
            }
        }
        assertThat(travel).isNotNull();
        assertThat(travel.path("local_label").asText()).isEqualTo("Tiket, visa, makan atau mess ditanggung");
        JsonNode e = travel.path("evidence").get(0);
        assertThat(text.substring(e.path("start").asInt(), e.path("end").asInt())).isEqualTo(e.path("text").asText());
        assertThat(a.path("contacts").toString()).contains("+6281234567890");
    }

    @Test
    void shouldReadTheJsonEnvelope() throws Exception {
        ScoreCommand score = new ScoreCommand();
        var post = score.toPost("{\"id\":\"p9\",\"source\":\"tiktok\",\"kind\":\"job_ad\",\"title\":\"Hiring\",\"text\":\"hello\",\"lang\":\"vi\"}");
        assertThat(post.id()).isEqualTo("p9");
        assertThat(post.lang()).isEqualTo("vi");
        assertThat(post.fullText()).isEqualTo("Hiring\nhello");
    }

    @Test
    void shouldPrintEvalJsonWithTheAgreedKeys() throws Exception {
        Path f = dir.resolve("d.jsonl");
        Files.writeString(f, """
                {"id":"1","lang":"en","text":"URGENT hiring customer service in Cambodia, salary $1500/month, free ticket and visa, no experience, Telegram @hr_kh88","label":"lure"}
                {"id":"2","lang":"en","text":"Warning from the embassy: do not accept job offers in Cambodia advertised with free tickets. Police arrested recruiters.","label":"benign","hard":true}
                {"text":"Registered nurse, NHS trust, band 5, apply via our careers page","label":0}
                """);
        Run r = run(new EvalCommand(), "--data", f.toString(), "--json");
        assertThat(r.exit()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.at("/synthetic/categories/lure/precision").isNumber()).isTrue();
        assertThat(j.at("/synthetic/categories/lure/recall").asDouble()).isEqualTo(1.0);
        assertThat(j.at("/synthetic/categories/lure/f1").isNumber()).isTrue();
        assertThat(j.at("/synthetic/categories/distress/recall").isNull()).isTrue();
        assertThat(j.at("/synthetic/languages/en/lure/recall").asDouble()).isEqualTo(1.0);
        assertThat(j.at("/synthetic/confusion/benign/benign").asInt()).isEqualTo(2);
        assertThat(j.at("/synthetic/hardNegativesFlagged/rate").asDouble()).isZero();
    }

    @Test
    void shouldFailWithAClearMessageOnABadModelPath() {
        Run r = run(new ScoreCommand(), "--model", dir.resolve("missing.bin").toString(), "some text");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("model file not found").contains("missing.bin");
    }

    @Test
    void shouldFailWithAClearMessageOnABadLexicon() throws Exception {
        Files.writeString(dir.resolve("vi.yaml"), "terms:\n  URGENCY: khẩn\n");
        Run r = run(new ScoreCommand(), "--lexicons", dir.toString(), "some text");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("vi.yaml:2: terms.URGENCY: expected a list");
    }
}
