package org.lurewatch.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.kafka.Json;

class FileAuditLogTest {
    @TempDir
    Path dir;

    @Test
    void shouldAppendOneJsonLinePerEventToAnOwnerOnlyFile() throws Exception {
        Path file = dir.resolve("logs/audit.jsonl");
        try (FileAuditLog audit = FileAuditLog.at(file)) {
            assertThat(file).as("nothing until the first event").doesNotExist();
            audit.record(new AuditEvent(Instant.parse("2026-12-01T08:00:00Z"), "analyst:ana", "verdict.submit",
                    "alert:9f2c1d0e-1b2a-4c3d-8e9f-0a1b2c3d4e5f", AuditEvent.Outcome.OK, "http:127.0.0.1"));
            audit.record(AccessFixtures.IDENTITIES.requirePartner("tiktok"), "flag.submit", "post:tiktok:tt-1",
                    AuditEvent.Outcome.DENIED, "http:[::1]");
        }
        try (FileAuditLog again = FileAuditLog.at(file)) {
            again.record(new AuditEvent(Instant.now(), AuditLog.cliActor(), "account.disable", "account:ana",
                    AuditEvent.Outcome.OK, "cli"));
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        JsonNode first = Json.mapper().readTree(lines.get(0));
        assertThat(first.path("at").asText()).isEqualTo("2026-12-01T08:00:00Z");
        assertThat(first.path("actor").asText()).isEqualTo("analyst:ana");
        assertThat(first.path("outcome").asText()).isEqualTo("ok");
        assertThat(Json.mapper().readTree(lines.get(1)).path("actor").asText()).isEqualTo("partner:tiktok");
        assertThat(Json.mapper().readTree(lines.get(2)).path("actor").asText()).startsWith("cli:");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void shouldRefuseFreeTextInAnyField() {
        assertThatThrownBy(() -> new AuditEvent(Instant.now(), "analyst:ana", "verdict.submit",
                "note:Family says she is held in KK Park, call +95 9 123", AuditEvent.Outcome.OK, "http:127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never free text");
        assertThatThrownBy(() -> new AuditEvent(Instant.now(), "analyst:ana\nforged", "login", "account:ana",
                AuditEvent.Outcome.OK, "cli")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditEvent(Instant.now(), "analyst:ana", "Login Attempt", "account:ana",
                AuditEvent.Outcome.OK, "cli")).isInstanceOf(IllegalArgumentException.class);
    }
}
