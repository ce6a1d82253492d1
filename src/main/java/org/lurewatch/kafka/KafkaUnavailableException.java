package org.lurewatch.kafka;

/**
 * The Kafka cluster cannot be used at all: it does not answer, refuses this client's credentials, or lacks topics
 * this command needs. The message is one line that names the address and what to do.
 */
public final class KafkaUnavailableException extends RuntimeException {
    public KafkaUnavailableException(String message) {
        super(message);
    }

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
