package org.lurewatch.access;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a login attempt ended. A wrong password, an unknown user and a disabled account all give {@link Status#REJECTED}
 * alike, so the answer does not tell which usernames exist.
 *
 * @param session    the new session when {@link Status#OK}
 * @param retryAfter when {@link Status#THROTTLED}, how long to wait
 */
public record LoginResult(Status status, Optional<Session> session, boolean mustChangePassword, Duration retryAfter) {
    public enum Status { OK, REJECTED, THROTTLED }

    public LoginResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if ((status == Status.OK) != session.isPresent()) {
            throw new IllegalArgumentException("a session comes with OK and only with OK");
        }
    }

    static LoginResult ok(Session session, boolean mustChangePassword) {
        return new LoginResult(Status.OK, Optional.of(session), mustChangePassword, Duration.ZERO);
    }

    static LoginResult rejected() {
        return new LoginResult(Status.REJECTED, Optional.empty(), false, Duration.ZERO);
    }

    static LoginResult throttled(Duration retryAfter) {
        return new LoginResult(Status.THROTTLED, Optional.empty(), false, retryAfter);
    }
}
