package org.lurewatch.console;

import java.time.Instant;
import java.util.List;

/**
 * A post as an alert carried it: its reference, the excerpt of its text (at most 500 characters, the start of the
 * full text, so evidence offsets apply to it), its indicators with evidence, and for distress the author handle.
 *
 * @param excerpt  the start of the post's text, or null when the alert carried no text (a campaign's other posts)
 * @param alertId  the alert that carried it
 */
public record PostView(String key, String source, String url, Instant postedAt, String language, double score,
                       String band, String category, String excerpt, String author, String country,
                       List<IndicatorView> indicators, List<IndicatorView> counterIndicators, String alertId) {
    public PostView {
        indicators = List.copyOf(indicators);
        counterIndicators = List.copyOf(counterIndicators);
    }
}
