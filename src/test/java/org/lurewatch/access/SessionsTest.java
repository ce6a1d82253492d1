package org.lurewatch.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {
    @TempDir
    Path dir;

    private final AccessFixtures.MovableClock clock = new AccessFixtures.MovableClock();
    private AccountStore accounts;
    private Sessions sessions;
    private char[] password;

    @BeforeEach
    void setUp() {
        accounts = AccessFixtures.accounts(dir, clock);
        sessions = new Sessions(accounts, Duration.ofMinutes(30), Duration.ofHours(12), clock);
        password = accounts.add("ana", "thailand").password();
    }

    private Session login() {
        return sessions.create(accounts.verify("ana", password).orElseThrow());
    }

    @Test
    void shouldGiveEachLoginAFreshRandomIdAndCsrfToken() {
        Session first = login();
        Session second = login();

        assertThat(first.id()).hasSize(43).isNotEqualTo(second.id());
        assertThat(first.csrfToken()).hasSize(43).isNotEqualTo(first.id()).isNotEqualTo(second.csrfToken());
        assertThat(first.hotline()).isEqualTo("thailand");
        assertThat(first.toString()).doesNotContain(first.id()).doesNotContain(first.csrfToken());
    }

    @Test
    void shouldEndASessionIdleLongerThanTheIdleLimit() {
        Session session = login();

        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(session.id())).as("touched at 29 min").isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(session.id())).as("29 min after the last request").isPresent();
        clock.advance(Duration.ofMinutes(30));
        assertThat(sessions.find(session.id())).as("30 min idle").isEmpty();
        assertThat(sessions.count()).isZero();
    }

    @Test
    void shouldEndAnActiveSessionAtTheAbsoluteLimit() {
        Session session = login();

        for (int i = 0; i < 23; i++) {
            clock.advance(Duration.ofMinutes(30).minusSeconds(1));
            assertThat(sessions.find(session.id())).isPresent();
        }
        clock.advance(Duration.ofMinutes(30));
        assertThat(sessions.find(session.id())).as("12 h after login, however active").isEmpty();
    }

    @Test
    void shouldEndSessionsWhenTheAccountIsDisabledOrReset() {
        Session before = login();
        accounts.disable("ana");
        assertThat(sessions.find(before.id())).isEmpty();

        accounts.enable("ana");
        Session again = login();
        accounts.reset("ana");
        assertThat(sessions.find(again.id())).isEmpty();
    }

    @Test
    void shouldEndOneSessionOnLogoutAndAllOfAnAnalystsOnRequest() {
        Session one = login();
        Session two = login();

        sessions.invalidate(one.id());
        assertThat(sessions.find(one.id())).isEmpty();
        assertThat(sessions.find(two.id())).isPresent();
        assertThat(sessions.invalidateAll("ana")).isEqualTo(1);
        assertThat(sessions.find(two.id())).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.find("not-a-session")).isEmpty();
    }

    @Test
    void shouldAcceptOnlyTheSessionsOwnCsrfToken() {
        Session session = login();
        Session other = login();

        assertThat(Sessions.csrfMatches(session, session.csrfToken())).isTrue();
        assertThat(Sessions.csrfMatches(session, other.csrfToken())).isFalse();
        assertThat(Sessions.csrfMatches(session, null)).isFalse();
        assertThat(Sessions.csrfMatches(session, "")).isFalse();
        assertThat(Sessions.csrfMatches(session, session.id())).isFalse();
    }
}
