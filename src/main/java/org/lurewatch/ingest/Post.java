package org.lurewatch.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * One feed item after ingest: every feed (job ads, social posts, partner flags) is
 * normalised into this record before anything scores it.
 *
 * @param id          the feed's own id, unique within its source
 * @param source      the platform it was seen on ({@code facebook}, {@code telegram}, ...), lower case
 * @param kind        job ad, social post or partner flag
 * @param url         where it can be seen, or null
 * @param author      the author handle as the platform shows it, or null
 * @param title       title, or empty
 * @param text        body text, never null
 * @param postedAt    when it was posted, or null if the feed does not say
 * @param lang        the feed's language hint (ISO 639-1 such as {@code id}, {@code vi}), or null
 * @param country     the feed's country hint (ISO 3166-1 alpha-2 such as {@code ID}), or null
 * @param partnerId   for partner flags: the partner that flagged it, taken from the flags topic it arrived on
 *                    ({@link FlagOrigin}), never from the payload; null for every other post
 * @param flagReason  for partner flags: the partner's reason, or null
 */
public record Post(
        String id,
        String source,
        PostKind kind,
        String url,
        String author,
        String title,
        String text,
        @JsonProperty("posted_at") Instant postedAt,
        String lang,
        String country,
        @JsonProperty("partner_id") String partnerId,
        @JsonProperty("flag_reason") String flagReason) {

    public Post {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        title = title == null ? "" : title;
        Objects.requireNonNull(text, "text");
    }

    /** A post with only the fields a scorer needs; used by {@code score}, tests and benchmarks. */
    public static Post ofText(String id, String source, PostKind kind, String lang, String title, String text) {
        return new Post(id, source, kind, null, null, title, text, null, lang, null, null, null);
    }

    /** The same post attributed to {@code partner} (or to none): the partner comes from where it arrived. */
    public Post withPartnerId(String partner) {
        return new Post(id, source, kind, url, author, title, text, postedAt, lang, country, partner, flagReason);
    }

    /** Title and text as one document, the way the scorer reads it. */
    public String fullText() {
        return title.isEmpty() ? text : title + "\n" + text;
    }
}
