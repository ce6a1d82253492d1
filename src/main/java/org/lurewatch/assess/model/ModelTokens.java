package org.lurewatch.assess.model;

import java.util.ArrayList;
import java.util.List;
import org.lurewatch.assess.text.Script;

/**
 * Splits normalised text into the tokens the document categorizer reads: words of spaced scripts with
 * every digit shown as 0 ("1500" and "1800" are the same feature), already in their feature form
 * ({@code w=word}, so scoring builds no second string per word), and whole runs of the unspaced scripts
 * (Thai, Burmese, Khmer, Lao, Chinese), which {@link CharNgramFeatures} cuts into character n-grams.
 * Long posts are capped so scoring time stays flat.
 */
public final class ModelTokens {
    static final int MAX_TOKENS = 400;
    static final int MAX_UNSPACED_CHARS = 400;

    private ModelTokens() {
    }

    private static final byte OTHER = 0;
    private static final byte SPACED = 1;
    private static final byte UNSPACED = 2;
    private static final byte MARK = 3;
    /** Token class of every BMP char, computed once. */
    private static final byte[] CLASS = new byte[0x10000];

    static {
        for (int c = 0; c < 0x10000; c++) {
            char ch = (char) c;
            byte k = OTHER;
            if (isMark(ch)) {
                k = MARK;
            } else if (Character.isLetterOrDigit(ch) || ch == '$') {
                k = Script.isUnspaced(ch) ? UNSPACED : SPACED;
            }
            CLASS[c] = k;
        }
    }

    public static String[] of(String text) {
        List<String> out = new ArrayList<>(64);
        int n = text.length();
        int i = 0;
        int unspacedChars = 0;
        char[] chars = text.toCharArray();
        while (i < n && out.size() < MAX_TOKENS) {
            byte k = CLASS[chars[i]];
            if (k == OTHER || k == MARK && (i == 0 || CLASS[chars[i - 1]] == OTHER)) {
                i++;
                continue;
            }
            boolean unspaced = k == UNSPACED;
            boolean digits = false;
            int j = i;
            while (j < n) {
                byte kj = CLASS[chars[j]];
                if (kj == OTHER || (kj != MARK && (kj == UNSPACED) != unspaced)) {
                    break;
                }
                digits |= chars[j] >= '1' && chars[j] <= '9';
                j++;
            }
            String token;
            if (unspaced) {
                token = new String(chars, i, j - i);
            } else {
                // "w=" + the word with digits as 0, built as one string
                char[] buf = new char[j - i + 2];
                buf[0] = 'w';
                buf[1] = '=';
                for (int m = i; m < j; m++) {
                    char d = chars[m];
                    buf[m - i + 2] = digits && d >= '1' && d <= '9' ? '0' : d;
                }
                token = new String(buf);
            }
            if (unspaced) {
                if (unspacedChars < MAX_UNSPACED_CHARS) {
                    String run = token;
                    if (unspacedChars + run.length() > MAX_UNSPACED_CHARS) {
                        run = run.substring(0, MAX_UNSPACED_CHARS - unspacedChars);
                    }
                    unspacedChars += run.length();
                    out.add(run);
                }
            } else {
                out.add(token);
            }
            i = j;
        }
        return out.toArray(new String[0]);
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || isMark(c) || c == '$';
    }

    private static boolean isMark(char c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    /** True if a token is a run of an unspaced script. */
    static boolean isUnspaced(String token) {
        return !token.isEmpty() && Script.isUnspaced(token.charAt(0));
    }
}
