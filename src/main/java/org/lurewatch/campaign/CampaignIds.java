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
 * Campaign ids, such as {@code cmp-20261123T101500123Z-3f2a9c01}: the event time of the post that founded the
 * campaign (UTC, to the millisecond) and a hash of that post's key. Comparing ids as strings compares founding
 * times, so "the oldest campaign survives a merge" needs nothing but the ids, on any partition, and the same
 * input always gives the same ids. The hash breaks ties between posts of the same millisecond.
 */
public final class CampaignIds {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private CampaignIds() {
    }

    /** The id a post would found a campaign under if it links to none. */
    public static String propose(String postKey, Instant seenAt) {
        return "cmp-" + TIME.format(seenAt) + "-" + hash(postKey);
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
