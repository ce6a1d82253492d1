package org.lurewatch.campaign;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.IntStream;

/**
 * 64-bit SimHash (Charikar 2002) over the words of {@link SimHashText normalised} text, each word weighted by
 * how often it occurs. Texts that differ by a few words get fingerprints a few bits apart, so near-identical
 * lures can be found by Hamming distance.
 *
 * <p>Why words and {@value #MAX_DISTANCE} bits: posts are short (30 to 60 words), so one edited word moves
 * several bits. On lure variants (a word swapped, an emoji added, a city changed) word features gave
 * distances of 2 to 7, a different lure template in the same language 12, legitimate job ads and NGO
 * warnings that reuse lure phrases 15 to 22, and unrelated text about 32. Character shingles spread the same
 * edits over 6 to 13 bits, too close to the negatives.
 *
 * <p>To find candidates without comparing against every fingerprint, the 64 bits are cut into
 * {@value #BANDS} bands: two fingerprints at most {@value #MAX_DISTANCE} bits apart agree exactly on at least
 * one band (pigeonhole), so each band value is a link key. The full distance is checked before two posts are
 * linked, because a shared 9-bit band alone means nothing.
 */
public final class SimHash {
    /** Fingerprints at most this many bits apart are near-identical (see the class comment for why 6). */
    public static final int MAX_DISTANCE = 6;
    public static final int BANDS = MAX_DISTANCE + 1;
    /**
     * Texts with fewer words than this get no fingerprint: too short to tell a repost from a coincidence.
     * Scripts written without spaces (Thai, Khmer, Burmese, Chinese) mostly fall under it too; their posts
     * are linked by contacts only.
     */
    public static final int MIN_WORDS = 12;

    private SimHash() {
    }

    /** The fingerprint of a text, or empty when it has fewer than {@link #MIN_WORDS} words. */
    public static OptionalLong of(String text) {
        String normalised = SimHashText.normalise(text);
        String[] words = normalised.isEmpty() ? new String[0] : normalised.split(" ");
        if (words.length < MIN_WORDS) {
            return OptionalLong.empty();
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String word : words) {
            counts.merge(word, 1, Integer::sum);
        }
        int[] votes = new int[64];
        counts.forEach((word, count) -> {
            long hash = hash64(word);
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((hash >>> bit) & 1L) == 1L ? count : -count;
            }
        });
        long fingerprint = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return OptionalLong.of(fingerprint);
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    public static boolean nearIdentical(long a, long b) {
        return distance(a, b) <= MAX_DISTANCE;
    }

    /** One key per band, {@code simhash:<band>:<hex>}; fingerprints near each other share at least one. */
    public static List<String> bandKeys(long fingerprint) {
        return IntStream.range(0, BANDS).mapToObj(band -> {
            int from = band * 64 / BANDS;
            int to = (band + 1) * 64 / BANDS;
            long bits = (fingerprint >>> from) & ((1L << (to - from)) - 1);
            return "simhash:" + band + ":" + Long.toHexString(bits);
        }).toList();
    }

    /** FNV-1a over UTF-8, then the SplitMix64 finaliser so that every input bit moves every output bit. */
    static long hash64(String value) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }
}
