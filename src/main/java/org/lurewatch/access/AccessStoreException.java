package org.lurewatch.access;

/**
 * A credential file that cannot be read, parsed or written: the message names the file and what to do. Lurewatch
 * fails closed on it (no login, no API key accepted) rather than guess.
 */
public final class AccessStoreException extends RuntimeException {
    public AccessStoreException(String message) {
        super(message);
    }

    public AccessStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
