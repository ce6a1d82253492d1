package org.lurewatch.cli;

/** A problem the user can fix (a missing file, bad input); printed as one line and exit code 2. */
public final class UserFacingException extends RuntimeException {
    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
