package org.lurewatch.console;

import java.time.Instant;
import java.util.List;

/**
 * A campaign as this hotline's alerts told it: the latest summary (size, platforms, languages, contacts, first and
 * last seen), its riskiest post, every post reference the alerts listed (oldest first), the band over time and the
 * alerts sent, newest last.
 *
 * @param mergedIds campaign ids merged into this one (an old id redirects here)
 */
public record CampaignView(String id, long revision, int size, String band, double score, List<String> platforms,
                           List<String> languages, List<String> countries, List<String> contacts, Instant firstSeen,
                           Instant lastSeen, List<String> mergedIds, PostView topPost, List<PostRefView> posts,
                           List<BandPoint> history, List<String> alertIds) {
    public CampaignView {
        platforms = List.copyOf(platforms);
        languages = List.copyOf(languages);
        countries = List.copyOf(countries);
        contacts = List.copyOf(contacts);
        mergedIds = List.copyOf(mergedIds);
        posts = List.copyOf(posts);
        history = List.copyOf(history);
        alertIds = List.copyOf(alertIds);
    }

    /** One alert about the campaign: when, its band, score and size then. */
    public record BandPoint(Instant at, String band, double score, int size, String alertId, AlertView.Kind kind) {
    }
}
