package org.lurewatch.assess.text;

/**
 * Folds Cyrillic and Greek letters that look like Latin ones ("Теlеgram" typed with Cyrillic е) to
 * their Latin twins. Lurewatch serves no language written in those scripts, so folding them always is safe.
 * Input is expected in lower case.
 */
final class Homoglyphs {
    private static final char[] TABLE = new char[0x0530];

    static {
        String pairs =
                // Cyrillic
                "аaвbеeкkмmнhоoрpсcтtуyхxіiјjѕsԁdԛqԝwһhӏlёeїiԍgѵvүy"
                // Greek
                + "αaβbεeηnιiκkνvοoρpτtυuχxωwϲcϳjζz";
        for (int i = 0; i + 1 < pairs.length(); i += 2) {
            char from = pairs.charAt(i);
            char to = pairs.charAt(i + 1);
            if (from < TABLE.length) {
                TABLE[from] = to;
            }
        }
    }

    private Homoglyphs() {
    }

    /** The Latin letter that {@code c} imitates, or {@code c} itself. */
    static int fold(int c) {
        if (c >= 0x0370 && c < TABLE.length) {
            char t = TABLE[c];
            return t == 0 ? c : t;
        }
        if (c == 0x0261) { // Latin small script g
            return 'g';
        }
        return c;
    }
}
