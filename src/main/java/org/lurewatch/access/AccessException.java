package org.lurewatch.access;

/**
 * A request about identities that cannot be carried out as asked: an unknown hotline or partner, a username in
 * use, an account or key that does not exist. The message says what was wrong and what would be right.
 */
public class AccessException extends RuntimeException {
    public AccessException(String message) {
        super(message);
    }
}
