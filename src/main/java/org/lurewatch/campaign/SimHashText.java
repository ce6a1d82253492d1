package org.lurewatch.campaign;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text a {@link SimHash} is taken over: what recruiters keep when they repost a lure. Contacts, links and
 * numbers are removed (a campaign that swaps handles or salary figures is still the same text; contacts link
 * posts on their own), case, width variants, zero-width characters, punctuation and emoji are dropped, and
 * whitespace is collapsed. Deliberately simple: the assess step's full de-obfuscation is not needed to see
 * that two texts are the same.
 */
public final class SimHashText {
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200F\\u2060-\\u2064\\uFEFF]");
    private static final Pattern LINK = Pattern.compile("(?:https?://|www\\.)\\S+|\\b[a-z0-9.-]+\\.(?:me|com|net|org|io|ly|gl|cc|xyz|id)(?:/\\S*)?");
    private static final Pattern HANDLE = Pattern.compile("@[\\p{L}\\p{N}_.]+");
    private static final Pattern NUMBER = Pattern.compile("\\+?\\p{N}[\\p{N}\\s.,/-]*");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}]+");

    private SimHashText() {
    }

    public static String normalise(String text) {
        String clean = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        clean = INVISIBLE.matcher(clean).replaceAll("");
        clean = LINK.matcher(clean).replaceAll(" ");
        clean = HANDLE.matcher(clean).replaceAll(" ");
        clean = NUMBER.matcher(clean).replaceAll(" ");
        return NOT_WORD.matcher(clean).replaceAll(" ").trim();
    }
}
