package org.lurewatch.assess.extract;

/** A lexicon phrase found in the normalised text: its category (indicator code or cue) and span. */
public record TermHit(String category, String language, int start, int end) {
}
