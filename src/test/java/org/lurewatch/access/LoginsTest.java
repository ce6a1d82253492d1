package org.lurewatch.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginsTest {
    @TempDir
    Path dir;

    private final AccessFixtures.MovableClock clock = new AccessFixtures.MovableClock();

    @Test
    void shouldStartASessionAuditEveryAttemptAndThrottleGuessing() throws Exception {
        AccountStore accounts = AccessFixtures.accounts(dir, clock);
        Sessions sessions = new Sessions(accounts, Duration.ofMinutes(30), Duration.ofHours(12), clock);
        Path auditFile = dir.resolve("audit.jsonl");
        char[] password = accounts.add("ana", "cambodia").password();
        try (FileAuditLog audit = FileAuditLog.at(auditFile)) {
            Logins logins = new Logins(accounts, sessions, new LoginThrottle(2, 10, Duration.ofMinutes(15), clock), audit);

            LoginResult ok = logins.login("ana", password, "127.0.0.1");
            assertThat(ok.status()).isEqualTo(LoginResult.Status.OK);
            assertThat(ok.mustChangePassword()).isTrue();
            assertThat(sessions.find(ok.session().orElseThrow().id())).isPresent();

            assertThat(logins.login("ana", "guess-1".toCharArray(), "127.0.0.1").status()).isEqualTo(LoginResult.Status.REJECTED);
            assertThat(logins.login("nobody", "guess-2".toCharArray(), "127.0.0.1").status()).isEqualTo(LoginResult.Status.REJECTED);
            assertThat(logins.login("ana", "guess-3".toCharArray(), "127.0.0.1").status()).isEqualTo(LoginResult.Status.REJECTED);
            LoginResult throttled = logins.login("ana", password, "127.0.0.1");
            assertThat(throttled.status()).as("even the right password waits").isEqualTo(LoginResult.Status.THROTTLED);
            assertThat(throttled.retryAfter()).isPositive();

            logins.logout(ok.session().orElseThrow(), "127.0.0.1");
            assertThat(sessions.find(ok.session().orElseThrow().id())).isEmpty();
        }
        List<String> lines = Files.readAllLines(auditFile);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).contains("\"actor\":\"analyst:ana\"", "\"action\":\"login\"", "\"object\":\"account:ana\"",
                "\"outcome\":\"ok\"", "\"via\":\"http:127.0.0.1\"");
        assertThat(lines.get(1)).contains("\"outcome\":\"failed\"");
        assertThat(lines.get(4)).contains("\"outcome\":\"denied\"");
        assertThat(lines.get(5)).contains("\"action\":\"logout\"");
        assertThat(String.join("\n", lines)).doesNotContain(new String(password)).doesNotContain("guess-");
    }
}
