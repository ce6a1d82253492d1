package org.lurewatch.alert;

/** The routes file is wrong; the message names the file, the entry and what would be right. */
public final class RoutesException extends RuntimeException {
    public RoutesException(String message) {
        super(message);
    }

    public RoutesException(String message, Throwable cause) {
        super(message, cause);
    }
}
