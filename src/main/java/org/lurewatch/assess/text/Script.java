package org.lurewatch.assess.text;

/** The writing systems that decide a post's language on their own, found by Unicode block. */
public enum Script {
    LATIN(null, true),
    THAI("th", false),
    LAO("lo", false),
    MYANMAR("my", false),
    KHMER("km", false),
    HAN("zh", false),
    KANA("ja", false),
    HANGUL("ko", true),
    DEVANAGARI(null, true),
    SINHALA("si", true),
    BENGALI("bn", true),
    ARABIC(null, true),
    OTHER(null, true);

    private final String language;
    private final boolean spaced;

    Script(String language, boolean spaced) {
        this.language = language;
        this.spaced = spaced;
    }

    /** The ISO 639-1 language this script alone identifies, or null when it needs a language model. */
    public String language() {
        return language;
    }

    /** False for scripts written without spaces between words (Thai, Lao, Burmese, Khmer, Chinese, Japanese). */
    public boolean spaced() {
        return spaced;
    }

    private static final Script[] VALUES = values();
    /** Script ordinal + 1 for every BMP char (0: none), built once. */
    private static final byte[] TABLE = new byte[0x10000];

    static {
        for (int c = 0; c < 0x10000; c++) {
            Script s = compute(c);
            TABLE[c] = (byte) (s == null ? 0 : s.ordinal() + 1);
        }
    }

    /** The script of a letter, or null for anything that is not a letter or mark of a known script. */
    public static Script of(int c) {
        if (c < 0x10000) {
            int t = TABLE[c];
            return t == 0 ? null : VALUES[t - 1];
        }
        return compute(c);
    }

    private static Script compute(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? LATIN : null;
        }
        if (c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF)) {
            return Character.isLetter(c) ? LATIN : null;
        }
        if (c >= 0x0E00 && c <= 0x0E7F) {
            return THAI;
        }
        if (c >= 0x0E80 && c <= 0x0EFF) {
            return LAO;
        }
        if ((c >= 0x1000 && c <= 0x109F) || (c >= 0xA9E0 && c <= 0xA9FF) || (c >= 0xAA60 && c <= 0xAA7F)) {
            return MYANMAR;
        }
        if ((c >= 0x1780 && c <= 0x17FF) || (c >= 0x19E0 && c <= 0x19FF)) {
            return KHMER;
        }
        if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0x20000 && c <= 0x2FFFF)) {
            return HAN;
        }
        if (c >= 0x3040 && c <= 0x30FF) {
            return KANA;
        }
        if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F)) {
            return HANGUL;
        }
        if (c >= 0x0900 && c <= 0x097F) {
            return DEVANAGARI;
        }
        if (c >= 0x0D80 && c <= 0x0DFF) {
            return SINHALA;
        }
        if (c >= 0x0980 && c <= 0x09FF) {
            return BENGALI;
        }
        if (c >= 0x0600 && c <= 0x06FF) {
            return ARABIC;
        }
        return Character.isLetter(c) ? OTHER : null;
    }

    /** True for a char of a script written without spaces. */
    public static boolean isUnspaced(int c) {
        if (c < 0x0E00) {
            return false;
        }
        Script s = of(c);
        return s != null && !s.spaced;
    }
}
