package org.lurewatch.console;

import java.util.List;

/**
 * One indicator of an alert's post as the console shows it: the code, the English label and the label in the post's
 * language from the alert, and the evidence spans (offsets into the post's full text).
 */
public record IndicatorView(String code, String label, String localLabel, List<Span> evidence) {
    public IndicatorView {
        evidence = List.copyOf(evidence);
    }

    /** A span of the post's text: {@code [start, end)} in UTF-16 code units, and the text it covers. */
    public record Span(int start, int end, String text) {
    }
}
