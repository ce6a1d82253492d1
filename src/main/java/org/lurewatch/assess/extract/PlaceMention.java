package org.lurewatch.assess.extract;

import org.lurewatch.assess.lexicon.Place;

/** A gazetteer place named in a post, with its span in the normalised text. */
public record PlaceMention(Place place, int start, int end) {
}
