package org.lurewatch.assess;

import java.util.Objects;

/**
 * A recruiter contact found in a post.
 *
 * @param type     what kind of contact
 * @param value    the normalised value used to link posts (lower-case handle without {@code @},
 *                 E.164 phone number, lower-case domain)
 * @param evidence where it was found in the original text
 */
public record Contact(ContactType type, String value, Evidence evidence) {
    public Contact {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /** The key campaigns and the watchlist use: {@code telegram:recruiter_hr}. */
    public String key() {
        return type.wireName() + ":" + value;
    }
}
