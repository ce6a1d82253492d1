package org.lurewatch.assess.extract;

/** An age range asked for ("18-35 tuổi"), with its span in the normalised text. */
public record AgeRange(int low, int high, int start, int end) {
}
