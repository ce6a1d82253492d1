package org.lurewatch.console;

import java.time.Instant;

/**
 * A verdict of the analyst's own hotline, as read back from its verdicts topic.
 *
 * @param subject {@code campaign:<id>} or {@code post:<key>}
 * @param analyst who gave it, or null when the hotline wrote it to Kafka itself
 */
public record VerdictView(String subject, String verdict, String analyst, String alertId, String note, Instant at,
                          long offset) {
    public String verdictLabel() {
        return Labels.verdict(verdict);
    }
}
