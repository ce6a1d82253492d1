package org.lurewatch.campaign;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import org.lurewatch.assess.Band;

/**
 * A reference to one post of a campaign: enough to find it and to rank it, never its text.
 *
 * @param key      {@code source:id}, the key of {@code posts.scored}
 * @param source   the platform it was seen on
 * @param url      where it can be seen, or null
 * @param postedAt when the feed says it was posted, or null
 * @param seenAt   the record timestamp when Lurewatch saw it (event time)
 * @param language detected language
 * @param score    risk score after the watchlist adjustment
 * @param band     risk band after the watchlist adjustment
 */
public record PostRef(
        String key,
        String source,
        String url,
        @JsonProperty("posted_at") Instant postedAt,
        @JsonProperty("seen_at") Instant seenAt,
        String language,
        double score,
        Band band) {

    public PostRef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(seenAt, "seenAt");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(band, "band");
    }
}
