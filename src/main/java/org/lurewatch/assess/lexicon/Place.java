package org.lurewatch.assess.lexicon;

import java.util.List;
import java.util.Objects;

/** A gazetteer entry: a place, its country (ISO 3166-1 alpha-2), its kind and its names in every script. */
public record Place(String name, String country, PlaceKind kind, List<String> aliases) {
    public Place {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        aliases = List.copyOf(aliases);
    }
}
