package org.lurewatch.kafka;

/** A broker could not be prepared, started, reached or stopped. The message says which and why. */
public final class KafkaBrokerException extends RuntimeException {

    public KafkaBrokerException(String message) {
        super(message);
    }

    public KafkaBrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
