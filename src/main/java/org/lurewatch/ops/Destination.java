package org.lurewatch.ops;

import java.util.Objects;

/**
 * One alert destination as the routes name it, e.g. hotline {@code id-hotline} or partner {@code jobstreet}.
 *
 * @param kind hotline or partner
 * @param name the destination's id, the same one that ends its topic name
 */
public record Destination(DestinationKind kind, String name) {

    public Destination {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("destination name must not be blank");
        }
    }

    public static Destination hotline(String name) {
        return new Destination(DestinationKind.HOTLINE, name);
    }

    public static Destination partner(String name) {
        return new Destination(DestinationKind.PARTNER, name);
    }
}
