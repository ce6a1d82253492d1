package org.lurewatch.assess.model;

/** The configured model file is missing, unreadable or not a Lurewatch model. */
public final class ModelLoadException extends RuntimeException {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
