package org.lurewatch.assess.text;

import java.text.Normalizer;
import java.util.BitSet;

/**
 * Fast NFKC for the common case. A char that NFKC leaves alone and that no following mark composes
 * with is copied as it is; only the rare chunk (a base and its combining marks) that NFKC changes goes
 * through {@link Normalizer}. The tables cover the Basic Multilingual Plane and are built once.
 */
final class Nfkc {
    private static final BitSet UNSTABLE = new BitSet(0x10000);
    private static final BitSet COMPOSES = new BitSet(0x10000);
    private static final BitSet MARKS = new BitSet(0x10000);

    static {
        for (int c = 0x80; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String s = String.valueOf((char) c);
            if (!Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
                UNSTABLE.set(c);
            }
            String d = Normalizer.normalize(s, Normalizer.Form.NFD);
            for (int i = 1; i < d.length(); i++) {
                COMPOSES.set(d.charAt(i));
            }
        }
        for (int c = 0; c < 0x10000; c++) {
            int t = Character.getType(c);
            if (t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK) {
                MARKS.set(c);
            }
        }
        // Hangul jamo compose algorithmically.
        COMPOSES.set(0x1161, 0x1176);
        COMPOSES.set(0x11A8, 0x11C3);
    }

    private Nfkc() {
    }

    /** True if NFKC leaves {@code cp} unchanged when it stands alone. */
    static boolean stable(int cp) {
        if (cp < 0x80) {
            return true;
        }
        if (cp < 0x10000) {
            return !UNSTABLE.get(cp);
        }
        return Normalizer.isNormalized(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
    }

    /** True if {@code cp} may compose with the char before it. */
    static boolean composesWithPrevious(int cp) {
        return cp < 0x10000 && cp >= 0x80 && COMPOSES.get(cp);
    }

    static boolean isMark(int cp) {
        if (cp < 0x300) {
            return false;
        }
        if (cp < 0x10000) {
            return MARKS.get(cp);
        }
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    static String normalize(CharSequence chunk) {
        return Normalizer.normalize(chunk, Normalizer.Form.NFKC);
    }
}
