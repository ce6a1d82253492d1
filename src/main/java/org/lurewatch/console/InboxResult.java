package org.lurewatch.console;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One page of the inbox.
 *
 * @param rows          the alerts on this page: open distress first, then newest first
 * @param total         alerts that pass the filters
 * @param read          ids of the alerts on this page that this analyst has opened
 * @param verdicts      the hotline's latest verdict per subject on this page ({@link AlertView#verdictSubject()})
 * @param languages     languages among the hotline's alerts, for the filter
 * @param platforms     platforms among the hotline's alerts, for the filter
 * @param unread        alerts this analyst has not opened, whatever the filters
 * @param openDistress  distress alerts without a verdict, whatever the filters
 * @param allAlerts     the hotline's alerts in the console, whatever the filters
 * @param loading       the read model has not caught up with the topics yet
 */
public record InboxResult(List<AlertView> rows, int total, int page, int pages, Set<String> read,
                          Map<String, VerdictView> verdicts, List<String> languages, List<String> platforms, int unread,
                          int openDistress, int allAlerts, boolean loading) {
    public InboxResult {
        rows = List.copyOf(rows);
        read = Set.copyOf(read);
        verdicts = Map.copyOf(verdicts);
        languages = List.copyOf(languages);
        platforms = List.copyOf(platforms);
    }
}
