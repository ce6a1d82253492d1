package org.lurewatch.console;

/** Kafka did not take something the console wrote in time: the page says so and nothing is lost silently. */
final class ConsoleUnavailableException extends RuntimeException {
    ConsoleUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
