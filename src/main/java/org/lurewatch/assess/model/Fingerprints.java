package org.lurewatch.assess.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.lurewatch.assess.corpus.LabeledPost;

/**
 * What a model was trained with, as short fingerprints in its manifest: the lexicons (checked when the model is
 * loaded), the synthetic corpus, the real texts and the hotlines' verdicts (reported by {@code models list}).
 */
public final class Fingerprints {
    public static final String LEXICONS_KEY = "lurewatch.fingerprint.lexicons";
    public static final String CORPUS_KEY = "lurewatch.fingerprint.corpus";
    public static final String REAL_KEY = "lurewatch.fingerprint.real";
    public static final String FEEDBACK_KEY = "lurewatch.fingerprint.feedback";

    private Fingerprints() {
    }

    /** SHA-256 over each post's id, label and text in id order, first 16 hex digits; "none" for no posts. */
    public static String of(List<LabeledPost> posts) {
        if (posts.isEmpty()) {
            return "none";
        }
        MessageDigest d = sha256();
        posts.stream().sorted(Comparator.comparing(LabeledPost::id)).forEach(p -> {
            for (String s : new String[] {p.id(), p.label().wireName(), p.title(), p.text()}) {
                d.update(s.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
        });
        return HexFormat.of().formatHex(d.digest()).substring(0, 16) + "/" + posts.size();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
