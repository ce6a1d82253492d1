package org.lurewatch.campaign;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.lurewatch.assess.Band;

/**
 * Lure posts that share a recruiter contact or near-identical text: the value of the compacted
 * {@code campaigns} topic, keyed by {@link #id}. Immutable; every change gives a new revision.
 *
 * <p>Bounded, so that a campaign of ten thousand posts costs no more than one of a hundred: it keeps the
 * {@value #MAX_POSTS} most recent post references (not copies; {@link #size} counts them all), the first
 * {@value #MAX_CONTACTS} contacts, {@value #MAX_VALUES} platforms, languages and countries, and the
 * {@value #MAX_MERGED} most recent ids of campaigns merged into it.
 *
 * @param id         stable id; the oldest of the campaigns merged into it ({@link CampaignIds})
 * @param revision   1 for a new campaign, one more for every change
 * @param size       how many distinct posts joined it, including those no longer listed in {@link #posts}
 * @param posts      the most recent post references, oldest first
 * @param contacts   recruiter contact keys ({@code telegram:hr_job88}), first seen first
 * @param platforms  platforms its posts were seen on, sorted
 * @param languages  languages of its posts, sorted
 * @param countries  country hints of its posts, sorted (routing also uses the phone numbers in contacts)
 * @param firstSeen  event time of its first post
 * @param lastSeen   event time of its latest post
 * @param topPost    its highest-risk post
 * @param mergedIds  ids of campaigns merged into this one, most recent last
 * @param mergedInto set only on the last record of a campaign that was merged into another: that one's id
 */
public record Campaign(
        String id,
        long revision,
        int size,
        List<PostRef> posts,
        List<String> contacts,
        List<String> platforms,
        List<String> languages,
        List<String> countries,
        @JsonProperty("first_seen") Instant firstSeen,
        @JsonProperty("last_seen") Instant lastSeen,
        @JsonProperty("top_post") CampaignPost topPost,
        @JsonProperty("merged_ids") List<String> mergedIds,
        @JsonProperty("merged_into") String mergedInto) {

    public static final int MAX_POSTS = 100;
    public static final int MAX_CONTACTS = 50;
    public static final int MAX_VALUES = 20;
    public static final int MAX_MERGED = 20;

    private static final Comparator<PostRef> BY_TIME =
            Comparator.comparing(PostRef::seenAt).thenComparing(PostRef::key);

    public Campaign {
        Objects.requireNonNull(id, "id");
        posts = List.copyOf(posts);
        contacts = List.copyOf(contacts);
        platforms = List.copyOf(platforms);
        languages = List.copyOf(languages);
        countries = List.copyOf(countries);
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(topPost, "topPost");
        mergedIds = List.copyOf(mergedIds);
    }

    /** A new campaign of one post. */
    public static Campaign founding(String id, CampaignPost post) {
        PostRef ref = post.ref();
        return new Campaign(id, 1, 1, List.of(ref), limit(post.contacts(), MAX_CONTACTS), List.of(ref.source()),
                List.of(ref.language()), post.country() == null ? List.of() : List.of(post.country()),
                ref.seenAt(), ref.seenAt(), post, List.of(), null);
    }

    /** The campaign with one more post; this same instance when the post is already listed (a replay). */
    public Campaign withPost(CampaignPost post) {
        PostRef ref = post.ref();
        if (contains(ref.key())) {
            return this;
        }
        return new Campaign(id, revision + 1, size + 1, mergePosts(posts, List.of(ref)),
                union(contacts, post.contacts(), MAX_CONTACTS), sortedUnion(platforms, List.of(ref.source())),
                sortedUnion(languages, List.of(ref.language())),
                post.country() == null ? countries : sortedUnion(countries, List.of(post.country())),
                min(firstSeen, ref.seenAt()), max(lastSeen, ref.seenAt()),
                post.riskierThan(topPost) ? post : topPost, mergedIds, null);
    }

    /** This campaign with everything of {@code other}, which was merged into it. */
    public Campaign absorb(Campaign other) {
        long overlap = other.posts.stream().filter(ref -> contains(ref.key())).count();
        List<String> merged = new ArrayList<>(mergedIds);
        merged.add(other.id);
        merged.addAll(other.mergedIds);
        return new Campaign(id, revision + 1, (int) (size + other.size - overlap), mergePosts(posts, other.posts),
                union(contacts, other.contacts, MAX_CONTACTS), sortedUnion(platforms, other.platforms),
                sortedUnion(languages, other.languages), sortedUnion(countries, other.countries),
                min(firstSeen, other.firstSeen), max(lastSeen, other.lastSeen),
                other.topPost.riskierThan(topPost) ? other.topPost : topPost, lastDistinct(merged, MAX_MERGED), null);
    }

    /**
     * This campaign with the posts that waited under its own id before it existed ({@link CampaignEntry}):
     * like {@link #absorb}, but the waiting id is this campaign's own, so it is not a merged id.
     */
    public Campaign withWaiting(Campaign waiting) {
        List<String> merged = new ArrayList<>(mergedIds);
        merged.addAll(waiting.mergedIds);
        long overlap = waiting.posts.stream().filter(ref -> contains(ref.key())).count();
        return new Campaign(id, revision + 1, (int) (size + waiting.size - overlap), mergePosts(posts, waiting.posts),
                union(contacts, waiting.contacts, MAX_CONTACTS), sortedUnion(platforms, waiting.platforms),
                sortedUnion(languages, waiting.languages), sortedUnion(countries, waiting.countries),
                min(firstSeen, waiting.firstSeen), max(lastSeen, waiting.lastSeen),
                waiting.topPost.riskierThan(topPost) ? waiting.topPost : topPost, lastDistinct(merged, MAX_MERGED), null);
    }

    /** {@code other}'s content under a new id, for a merge into an id that had no campaign of its own yet. */
    public static Campaign absorbedInto(String id, Campaign other) {
        List<String> merged = new ArrayList<>(other.mergedIds);
        merged.add(other.id);
        return new Campaign(id, 1, other.size, other.posts, other.contacts, other.platforms, other.languages,
                other.countries, other.firstSeen, other.lastSeen, other.topPost, lastDistinct(merged, MAX_MERGED), null);
    }

    /** The last record of this campaign: it now lives on as {@code target}. */
    public Campaign mergedInto(String target) {
        return new Campaign(id, revision + 1, size, posts, contacts, platforms, languages, countries, firstSeen,
                lastSeen, topPost, mergedIds, target);
    }

    /** The campaign's risk is that of its riskiest post; written to the topic for readers, ignored when read. */
    @JsonProperty(value = "band", access = JsonProperty.Access.READ_ONLY)
    public Band band() {
        return topPost.ref().band();
    }

    @JsonProperty(value = "score", access = JsonProperty.Access.READ_ONLY)
    public double score() {
        return topPost.ref().score();
    }

    public boolean contains(String postKey) {
        return posts.stream().anyMatch(ref -> ref.key().equals(postKey));
    }

    private static List<PostRef> mergePosts(List<PostRef> mine, List<PostRef> theirs) {
        if (theirs.size() == 1 && (mine.isEmpty() || BY_TIME.compare(mine.get(mine.size() - 1), theirs.get(0)) < 0)
                && mine.stream().noneMatch(ref -> ref.key().equals(theirs.get(0).key()))) {
            // The usual growth: one post newer than every listed one is appended, the oldest dropped past the limit.
            List<PostRef> appended = new ArrayList<>(Math.min(mine.size() + 1, MAX_POSTS));
            appended.addAll(mine.size() < MAX_POSTS ? mine : mine.subList(mine.size() - MAX_POSTS + 1, mine.size()));
            appended.add(theirs.get(0));
            return appended;
        }
        Map<String, PostRef> byKey = new LinkedHashMap<>();
        mine.forEach(ref -> byKey.put(ref.key(), ref));
        theirs.forEach(ref -> byKey.putIfAbsent(ref.key(), ref));
        List<PostRef> sorted = byKey.values().stream().sorted(BY_TIME).toList();
        return sorted.subList(Math.max(0, sorted.size() - MAX_POSTS), sorted.size());
    }

    private static List<String> union(List<String> first, List<String> second, int max) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return limit(List.copyOf(all), max);
    }

    private static List<String> sortedUnion(List<String> first, List<String> second) {
        Set<String> all = new TreeSet<>(first);
        all.addAll(second);
        return limit(List.copyOf(all), MAX_VALUES);
    }

    private static List<String> limit(List<String> values, int max) {
        return values.size() <= max ? values : values.subList(0, max);
    }

    private static List<String> lastDistinct(List<String> values, int max) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(values));
        return distinct.subList(Math.max(0, distinct.size() - max), distinct.size());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
