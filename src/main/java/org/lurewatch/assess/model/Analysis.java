package org.lurewatch.assess.model;

import org.lurewatch.assess.extract.Extraction;
import org.lurewatch.assess.indicator.IndicatorResult;
import org.lurewatch.assess.text.NormalizedText;

/** What the rules made of one post, before the model: normalised text, language, facts, indicators, tokens. */
public record Analysis(NormalizedText text, String language, Extraction extraction, IndicatorResult indicators,
                       String[] tokens) {
}
