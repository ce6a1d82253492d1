package org.lurewatch.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HexFormat;

/**
 * Campaign ids, such as {@code cmp-20261123T101500123Z-3f2a9c01}: when the post that founded the campaign says it
 * was posted ({@code posted_at}, UTC, to the millisecond) and a hash of that post's key. Both come from the post
 * itself, never from the clock of the machine or producer that handled it, so replaying the same feed gives the
 * same ids, and the same campaign alert ids, in every run. A founding post without {@code posted_at} gives
 * {@code cmp-undated-<hash>}, which sorts after every dated id. Comparing ids as strings compares founding times,
 * so "the oldest campaign survives a merge" needs nothing but the ids, on any partition. The hash breaks ties.
 */
public final class CampaignIds {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private CampaignIds() {
    }

    /** Marks the ids of campaigns founded by a post that does not say when it was posted. */
    static final String UNDATED = "undated";

    /**
     * The id a post would found a campaign under if it links to none.
     *
     * @param postedAt the post's own {@code posted_at}, or null
     */
    public static String propose(String postKey, Instant postedAt) {
        return "cmp-" + (postedAt == null ? UNDATED : TIME.format(postedAt)) + "-" + hash(postKey);
    }

    /** Whether {@code a} is the older id, and so survives a merge with {@code b}. */
    public static boolean older(String a, String b) {
        return a.compareTo(b) < 0;
    }

    /** The oldest of some ids. */
    public static String oldest(Collection<String> ids) {
        return ids.stream().min(String::compareTo).orElseThrow();
    }

    private static String hash(String postKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(postKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
