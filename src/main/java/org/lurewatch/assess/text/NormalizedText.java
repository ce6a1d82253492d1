package org.lurewatch.assess.text;

import java.util.List;
import java.util.Objects;
import org.lurewatch.assess.Evidence;

/**
 * A post's text after normalisation, with a map from every normalised character back to the span of
 * the original text it came from, so that evidence found in the normalised text can be shown on the
 * original.
 */
public final class NormalizedText {
    private final String original;
    private final String text;
    private final int[] starts;
    private final int[] ends;
    private final List<Evidence> obfuscations;

    NormalizedText(String original, String text, int[] starts, int[] ends, List<Evidence> obfuscations) {
        this.original = Objects.requireNonNull(original, "original");
        this.text = Objects.requireNonNull(text, "text");
        if (starts.length < text.length() || ends.length < text.length()) {
            throw new IllegalArgumentException("offset maps shorter than the text");
        }
        this.starts = starts;
        this.ends = ends;
        this.obfuscations = List.copyOf(obfuscations);
    }

    /** The text exactly as the post had it. */
    public String original() {
        return original;
    }

    /** The normalised text: NFKC, lower case, folded, whitespace collapsed. */
    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** Start in the original text of the normalised character at {@code index}. */
    public int originalStart(int index) {
        return starts[index];
    }

    /** End (exclusive) in the original text of the normalised character at {@code index}. */
    public int originalEnd(int index) {
        return ends[index];
    }

    /** The original span behind the normalised span {@code [start, end)}. */
    public Evidence evidence(int start, int end) {
        if (start < 0 || end > text.length() || start >= end) {
            throw new IllegalArgumentException("bad normalised span [" + start + ", " + end + ") of " + text.length());
        }
        int os = starts[start];
        int oe = ends[end - 1];
        for (int i = start; i < end; i++) {
            os = Math.min(os, starts[i]);
            oe = Math.max(oe, ends[i]);
        }
        return new Evidence(os, oe, original.substring(os, oe));
    }

    /** Spans of the original where the normaliser undid obfuscation (spaced letters, leetspeak, homoglyphs...). */
    public List<Evidence> obfuscations() {
        return obfuscations;
    }
}
