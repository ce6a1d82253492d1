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

    public static String[] of(String text) {
        List<String> out = new ArrayList<>(64);
        int n = text.length();
        int i = 0;
        int unspacedChars = 0;
        while (i < n && out.size() < MAX_TOKENS) {
            char c = text.charAt(i);
            if (!isTokenChar(c)) {
                i++;
                continue;
            }
            boolean unspaced = c >= 0x0E00 && Script.isUnspaced(c);
            boolean digits = false;
            int j = i;
            while (j < n) {
                char d = text.charAt(j);
                if (d < 0x80) {
                    if (!((d >= 'a' && d <= 'z') || (d >= '0' && d <= '9') || d == '$') || unspaced) {
                        break;
                    }
                    digits |= d >= '1' && d <= '9';
                } else if (!isTokenChar(d) || (Script.isUnspaced(d) != unspaced && !isMark(d))) {
                    break;
                }
                j++;
            }
            String token;
            if (unspaced) {
                token = text.substring(i, j);
            } else {
                // "w=" + the word with digits as 0, built as one string
                char[] buf = new char[j - i + 2];
                buf[0] = 'w';
                buf[1] = '=';
                for (int k = i; k < j; k++) {
                    char d = text.charAt(k);
                    buf[k - i + 2] = digits && d >= '1' && d <= '9' ? '0' : d;
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
