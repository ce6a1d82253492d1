package org.lurewatch.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * One console account, as stored in {@code accounts.json}. It belongs to exactly one hotline and sees that hotline's
 * alerts only.
 *
 * @param passwordHash       Argon2id PHC string ({@link PasswordHasher}); never the password
 * @param mustChangePassword true after {@code add} and {@code reset}: the password was printed once and must be
 *                           replaced at the first login
 * @param credentialVersion  raised by every reset, disable, enable and password change; a session remembers the
 *                           version it was made under and dies when it changes
 */
public record AnalystAccount(
        String username,
        String hotline,
        String passwordHash,
        Status status,
        boolean mustChangePassword,
        int credentialVersion,
        Instant createdAt,
        Instant updatedAt) {

    public enum Status {
        @JsonProperty("active") ACTIVE,
        @JsonProperty("disabled") DISABLED
    }

    public AnalystAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(hotline, "hotline");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(updatedAt, "updated_at");
        if (!Principal.ID.matcher(username).matches() || !Principal.ID.matcher(hotline).matches()) {
            throw new IllegalArgumentException("account '" + username + "' of hotline '" + hotline
                    + "': usernames and hotline ids are lower-case letters, digits and '-'");
        }
        if (!PasswordHasher.isWellFormed(passwordHash)) {
            throw new IllegalArgumentException("account '" + username + "' has no valid Argon2id password hash");
        }
        if (credentialVersion < 1) {
            throw new IllegalArgumentException("account '" + username + "': credential_version must be at least 1");
        }
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    AnalystAccount with(String newHash, Status newStatus, boolean mustChange, Instant now) {
        return new AnalystAccount(username, hotline, newHash, newStatus, mustChange, credentialVersion + 1, createdAt, now);
    }

    @Override
    public String toString() {
        // The hash stays out of logs and exception messages.
        return "AnalystAccount[" + username + ", hotline=" + hotline + ", " + status.name().toLowerCase(java.util.Locale.ROOT)
                + ", version=" + credentialVersion + "]";
    }
}
