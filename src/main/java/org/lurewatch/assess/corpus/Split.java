package org.lurewatch.assess.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/**
 * The stable train/dev/test split: a post's part depends only on a hash of its id (SHA-256, first 4 bytes),
 * so adding posts never moves old ones between parts. 70% train, 15% dev, 15% test.
 */
public enum Split {
    TRAIN,
    DEV,
    TEST;

    public static Split of(String id) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            long v = ((h[0] & 0xFFL) << 24) | ((h[1] & 0xFFL) << 16) | ((h[2] & 0xFFL) << 8) | (h[3] & 0xFFL);
            int bucket = (int) (v % 100);
            return bucket < 70 ? TRAIN : bucket < 85 ? DEV : TEST;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<LabeledPost> select(List<LabeledPost> posts, Split part) {
        return posts.stream().filter(p -> of(p.id()) == part).toList();
    }

    public static Split parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
