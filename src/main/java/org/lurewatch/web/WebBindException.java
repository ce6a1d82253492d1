package org.lurewatch.web;

/** The HTTP server cannot listen where asked (port taken, address not on this machine); the message says what to do. */
public final class WebBindException extends RuntimeException {
    public WebBindException(String message) {
        super(message);
    }

    public WebBindException(String message, Throwable cause) {
        super(message, cause);
    }
}
