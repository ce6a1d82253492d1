package org.lurewatch.assess.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lurewatch.assess.Evidence;

/**
 * Normalises post text for matching and for the model, keeping a map back to the original offsets.
 *
 * <p>In order: Zawgyi Burmese to Unicode (when detected); NFKC; zero-width, format and control characters
 * removed; whitespace collapsed; lower case; Traditional Chinese characters to Simplified ({@link TraditionalChinese}); every decimal digit (Thai, Burmese, Khmer...) to ASCII;
 * Cyrillic/Greek homoglyphs to Latin; emoji to words (flags to country names); repeated punctuation
 * collapsed; letters spelt out with separators joined ("T e l e g r a m", "W.A", "w/a"); leetspeak folded
 * inside words ("t3legram", "wh4tsapp"); letters standing in for digits inside numbers folded ("09OO").
 *
 * <p>Thread-safe and immutable: share one instance.
 */
public final class TextNormalizer {
    private static final String SEPARATORS = " .-_/*|·,+~";

    private final Set<String> obfuscationTargets;
    private final ZawgyiConverter zawgyi = new ZawgyiConverter();

    /**
     * @param obfuscationTargets words that leetspeak is folded into and whose spelt-out form counts as
     *                           obfuscation ("telegram", "wa", "zalo", "visa"...), lower case
     */
    public TextNormalizer(Set<String> obfuscationTargets) {
        this.obfuscationTargets = Set.copyOf(obfuscationTargets);
    }

    public NormalizedText normalize(String original) {
        List<Evidence> obfuscations = new ArrayList<>(2);
        OffsetBuffer zg = zawgyi.convertIfZawgyi(original);
        OffsetBuffer first = zg == null
                ? firstPass(original, null, original, obfuscations)
                : firstPass(new String(zg.chars, 0, zg.length), zg, original, obfuscations);
        OffsetBuffer second = secondPass(first, original, obfuscations);
        second.trimTrailingSpace();
        int from = second.length > 0 && second.chars[0] == ' ' ? 1 : 0;
        String text = new String(second.chars, from, second.length - from);
        int[] starts = from == 0 ? second.starts : java.util.Arrays.copyOfRange(second.starts, from, second.length);
        int[] ends = from == 0 ? second.ends : java.util.Arrays.copyOfRange(second.ends, from, second.length);
        return new NormalizedText(original, text, starts, ends, obfuscations);
    }

    /** True if the Burmese in {@code s} is probably Zawgyi-encoded. */
    public boolean isZawgyi(String s) {
        return ZawgyiConverter.hasMyanmar(s) && zawgyi.zawgyiProbability(s) >= ZawgyiConverter.THRESHOLD;
    }

    private static boolean isInvisible(int cp) {
        return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF || cp == 0x00AD
                || cp == 0x034F || cp == 0x180E || cp == 0x061C || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069) || Character.getType(cp) == Character.FORMAT;
    }

    private static boolean isLatinLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c < 0x250 && Character.isLetter(c))
                || (c >= 0x1E00 && c <= 0x1EFF);
    }

    private OffsetBuffer firstPass(String src, OffsetBuffer base, String original, List<Evidence> obfuscations) {
        OffsetBuffer out = new OffsetBuffer(src.length() + 16);
        int n = src.length();
        int i = 0;
        int homoglyphStart = -1;
        int homoglyphEnd = -1;
        while (i < n) {
            char ch = src.charAt(i);
            char fold = CharTable.FOLD[ch];
            if (fold != 0) {
                // fast path: a char NFKC leaves alone, folded to one char, not followed by a composing mark
                char next = i + 1 < n ? src.charAt(i + 1) : ' ';
                if ((CharTable.FLAGS[next] & CharTable.COMPOSES) == 0) {
                    int os = base == null ? i : base.starts[i];
                    int oe = base == null ? i + 1 : base.ends[i];
                    if ((CharTable.FLAGS[ch] & CharTable.REPEATABLE) == 0 || out.last() != fold) {
                        out.append(fold, os, oe);
                    }
                    i++;
                    continue;
                }
            } else if ((CharTable.FLAGS[ch] & CharTable.SPACE) != 0) {
                out.appendSpace(base == null ? i : base.starts[i], base == null ? i + 1 : base.ends[i]);
                i++;
                continue;
            }
            int cp = src.codePointAt(i);
            int len = Character.charCount(cp);
            int os = base == null ? i : base.starts[i];
            int oe = base == null ? i + len : base.ends[i + len - 1];
            if (cp < 0x80 && (i + 1 >= n || src.charAt(i + 1) < 0x300 || !Nfkc.composesWithPrevious(src.charAt(i + 1)))) {
                if (cp <= ' ' || cp == 0x7F) {
                    out.appendSpace(os, oe);
                } else {
                    char c = (char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
                    if (!(isRepeatablePunct(c) && out.last() == c)) {
                        out.append(c, os, oe);
                    }
                }
                i += len;
                continue;
            }
            boolean maybeSpace = cp <= 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x205F) || cp == 0x3000;
            if (maybeSpace && (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.CONTROL)) {
                out.appendSpace(os, oe);
                i += len;
                continue;
            }
            if (isInvisible(cp)) {
                // A zero-width char between two Latin letters is there to break up a word.
                if (out.length > 0 && isLatinLetter(out.last()) && i + len < n && isLatinLetter(src.codePointAt(i + len))) {
                    obfuscations.add(new Evidence(out.starts[out.length - 1], Math.max(oe, out.ends[out.length - 1]),
                            original.substring(out.starts[out.length - 1], Math.max(oe, out.ends[out.length - 1]))));
                }
                i += len;
                continue;
            }
            if (cp >= 0x20E3 && EmojiWords.isModifier(cp)) {
                i += len;
                continue;
            }
            if (EmojiWords.isRegionalIndicator(cp)) {
                int next = i + len < n ? src.codePointAt(i + len) : -1;
                if (EmojiWords.isRegionalIndicator(next)) {
                    int end = i + len + Character.charCount(next);
                    int oe2 = base == null ? end : base.ends[end - 1];
                    out.appendWord(EmojiWords.flag(cp, next), os, oe2);
                    i = end;
                } else {
                    out.appendSpace(os, oe);
                    i += len;
                }
                continue;
            }
            String word = cp >= 0x2000 ? EmojiWords.word(cp) : null;
            if (word != null) {
                out.appendWord(word, os, oe);
                i += len;
                continue;
            }
            if (cp >= 0x2000 && EmojiWords.isPictograph(cp) && Character.getType(cp) == Character.OTHER_SYMBOL) {
                out.appendSpace(os, oe);
                i += len;
                continue;
            }
            int next = i + len < n ? src.codePointAt(i + len) : -1;
            if (Nfkc.stable(cp) && !Nfkc.composesWithPrevious(next)) {
                int before = out.length;
                emitFolded(out, cp, os, oe);
                if (out.length > before && out.chars[out.length - 1] != cp && isFoldedHomoglyph(cp)) {
                    if (homoglyphStart < 0 || homoglyphEnd < os) {
                        homoglyphStart = os;
                    }
                    homoglyphEnd = oe;
                    recordHomoglyph(out, src, i + len, obfuscations, original, homoglyphStart, homoglyphEnd);
                }
                i += len;
                continue;
            }
            // Slow path: a base and its combining marks through NFKC together.
            int j = i + len;
            while (j < n) {
                int m = src.codePointAt(j);
                if (!Nfkc.isMark(m) && !Nfkc.composesWithPrevious(m)) {
                    break;
                }
                j += Character.charCount(m);
            }
            int chunkEnd = base == null ? j : base.ends[j - 1];
            String normalized = Nfkc.normalize(src.substring(i, j));
            for (int k = 0; k < normalized.length(); ) {
                int c = normalized.codePointAt(k);
                if (c == ' ') {
                    out.appendSpace(os, chunkEnd);
                } else {
                    emitFolded(out, c, os, chunkEnd);
                }
                k += Character.charCount(c);
            }
            i = j;
        }
        return out;
    }

    private static boolean isFoldedHomoglyph(int cp) {
        return cp >= 0x0370 && cp < 0x0530 || cp == 0x0261;
    }

    private static void recordHomoglyph(OffsetBuffer out, String src, int nextIndex, List<Evidence> obfuscations,
                                        String original, int start, int end) {
        // Only count a homoglyph that sits inside a Latin word: "teleгram", not a Greek word.
        boolean latinBefore = out.length > 1 && isLatinLetter(out.chars[out.length - 2]);
        boolean latinAfter = nextIndex < src.length() && isLatinLetter(src.codePointAt(nextIndex));
        if (latinBefore || latinAfter) {
            if (!obfuscations.isEmpty() && obfuscations.get(obfuscations.size() - 1).start() == start) {
                obfuscations.remove(obfuscations.size() - 1);
            }
            obfuscations.add(new Evidence(start, end, original.substring(start, end)));
        }
    }

    private static boolean isRepeatablePunct(char c) {
        return c == '!' || c == '?' || c == '.' || c == '-' || c == '*' || c == '=' || c == '~' || c == '_'
                || c == '#' || c == '>' || c == '<' || c == '+' || c == ',';
    }

    private static void emitFolded(OffsetBuffer out, int cp, int os, int oe) {
        int c = cp;
        if (c >= 0x80 && Character.isDigit(c)) {
            c = '0' + Character.digit(c, 10);
        } else {
            c = Character.toLowerCase(c);
            c = Homoglyphs.fold(c);
        }
        if (c < 0x80 && isRepeatablePunct((char) c) && out.last() == c) {
            return;
        }
        if (c >= 0x80 && !Character.isLetterOrDigit(c) && out.length > 0 && out.last() == c
                && Character.getType(c) != Character.NON_SPACING_MARK) {
            return; // repeated non-ASCII punctuation such as "。。。" or "！！"
        }
        out.appendCodePoint(c, os, oe);
    }

    /**
     * Per-char facts for the whole Basic Multilingual Plane, computed once, so the common char costs two array
     * reads: what it folds to (0 when it needs the careful path: NFKC changes it, an emoji, an invisible char,
     * a homoglyph, a surrogate), whether it composes with the char before it, whether it is whitespace, and
     * whether a run of it collapses to one.
     */
    private static final class CharTable {
        static final byte COMPOSES = 1;
        static final byte SPACE = 2;
        static final byte REPEATABLE = 4;
        static final char[] FOLD = new char[0x10000];
        static final byte[] FLAGS = new byte[0x10000];

        static {
            for (int c = 0; c < 0x10000; c++) {
                byte flags = 0;
                if (Nfkc.composesWithPrevious(c) || (c >= 0x300 && c < 0x370)) {
                    flags |= COMPOSES;
                }
                boolean space = c <= ' ' || c == 0x7F || Character.isWhitespace(c) || Character.isSpaceChar(c)
                        || (c > 0x7F && Character.getType(c) == Character.CONTROL);
                if (space && !isInvisible(c)) {
                    flags |= SPACE;
                }
                FLAGS[c] = flags;
                if (space || Character.isSurrogate((char) c) || isInvisible(c) || !Nfkc.stable(c)) {
                    continue;
                }
                if (c >= 0x20E3 && (EmojiWords.word(c) != null || EmojiWords.isModifier(c)
                        || (EmojiWords.isPictograph(c) && Character.getType(c) == Character.OTHER_SYMBOL))) {
                    continue;
                }
                int f;
                if (c < 0x80) {
                    f = c >= 'A' && c <= 'Z' ? c + 32 : c;
                } else if (Character.isDigit(c)) {
                    f = '0' + Character.digit(c, 10);
                } else if (c >= 0x3400 && c <= 0x9FFF) {
                    f = TraditionalChinese.simplified((char) c); // one Chinese lexicon for Traditional and Simplified
                } else {
                    f = Character.toLowerCase(c);
                    if (Homoglyphs.fold(f) != f || f > 0xFFFF || Character.isSurrogate((char) f)) {
                        continue; // homoglyphs go the careful way, which reports them
                    }
                }
                FOLD[c] = (char) f;
                boolean repeatable = c < 0x80 ? isRepeatablePunct((char) c)
                        : !Character.isLetterOrDigit(c) && !Nfkc.isMark(c);
                if (repeatable) {
                    FLAGS[c] |= REPEATABLE;
                }
            }
        }
    }

    // ---------------------------------------------------------------- second pass: word-level folding

    /** True if the text has anything the second pass would change: letters next to digits, '@' or '$', or spelt-out letters. */
    private static boolean needsSecondPass(char[] b, int n) {
        for (int i = 0; i + 1 < n; i++) {
            char c = b[i];
            char d = b[i + 1];
            boolean cl = isAsciiLetter(c);
            boolean dl = isAsciiLetter(d);
            if ((cl && (isDigitOrSymbol(d))) || (dl && isDigitOrSymbol(c))) {
                return true;
            }
            if (cl && SEPARATORS.indexOf(d) >= 0 && i + 2 < n && isAsciiLetter(b[i + 2])
                    && (i == 0 || !Character.isLetterOrDigit(b[i - 1]))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigitOrSymbol(char c) {
        return (c >= '0' && c <= '9') || c == '@' || c == '$';
    }

    /**
     * Word-level folding, in place: every fold keeps or shortens the text, so the write index never passes
     * the read index, and while nothing has been shortened nothing is moved.
     */
    private OffsetBuffer secondPass(OffsetBuffer in, String original, List<Evidence> obfuscations) {
        char[] b = in.chars;
        int n = in.length;
        if (!needsSecondPass(b, n)) {
            return in;
        }
        int w = 0;
        int i = 0;
        while (i < n) {
            char c = b[i];
            if (isAsciiLetter(c) && isSingleLetter(b, n, i)) {
                int end = spelledOutEnd(b, n, i);
                if (end > 0) {
                    int os = in.starts[i];
                    int oe = in.ends[end - 1];
                    int from = w;
                    for (int k = i; k < end; k++) {
                        if (isAsciiLetter(b[k])) {
                            put(in, w++, k);
                        }
                    }
                    String joined = new String(b, from, w - from);
                    if (joined.length() >= 5 || isTarget(joined)) {
                        obfuscations.add(new Evidence(os, oe, original.substring(os, oe)));
                    }
                    i = end;
                    continue;
                }
            }
            if (isAsciiAlnum(c) && (i == 0 || !Character.isLetterOrDigit(b[i - 1]))) {
                int end = i;
                while (end < n && (isAsciiAlnum(b[end]) || b[end] == '@' || b[end] == '$')) {
                    end++;
                }
                // trailing @ or $ belong to what follows, not to this word
                while (end > i && (b[end - 1] == '@' || b[end - 1] == '$')) {
                    end--;
                }
                boolean intoOtherLetters = end < n && Character.isLetterOrDigit(b[end]); // Vietnamese, Thai...
                boolean partOfIdentifier = (i > 0 && "_@./".indexOf(b[i - 1]) >= 0) || (end < n && "_@/".indexOf(b[end]) >= 0)
                        || (end + 1 < n && b[end] == '.' && isAsciiAlnum(b[end + 1]));
                String folded = intoOtherLetters || partOfIdentifier ? null : foldWord(b, i, end);
                if (folded == null) {
                    for (int k = i; k < end; k++) {
                        put(in, w++, k);
                    }
                } else {
                    int os = in.starts[i];
                    int oe = in.ends[end - 1];
                    for (int k = 0; k < folded.length(); k++) {
                        in.starts[w] = in.starts[i + k];
                        in.ends[w] = in.ends[i + k];
                        b[w++] = folded.charAt(k);
                    }
                    obfuscations.add(new Evidence(os, oe, original.substring(os, oe)));
                }
                i = end;
                continue;
            }
            put(in, w++, i);
            i++;
        }
        in.length = w;
        return in;
    }

    /** Moves char {@code from} to {@code to} (to &lt;= from) with its offsets; nothing to do while aligned. */
    private static void put(OffsetBuffer b, int to, int from) {
        if (to != from) {
            b.chars[to] = b.chars[from];
            b.starts[to] = b.starts[from];
            b.ends[to] = b.ends[from];
        }
    }

    private boolean isTarget(String w) {
        return obfuscationTargets.contains(w);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isSingleLetter(char[] b, int n, int i) {
        return (i == 0 || !Character.isLetterOrDigit(b[i - 1])) && (i + 1 >= n || !Character.isLetterOrDigit(b[i + 1]));
    }

    /**
     * If single letters start at {@code i} separated by one repeated separator ("t e l e", "w.a", "w/a"), the
     * end (exclusive) of the last letter; otherwise -1. A space needs three letters, other separators two.
     */
    private static int spelledOutEnd(char[] b, int n, int i) {
        if (i + 2 >= n) {
            return -1;
        }
        char sep = b[i + 1];
        if (SEPARATORS.indexOf(sep) < 0) {
            return -1;
        }
        int letters = 1;
        int k = i;
        while (k + 2 < n && b[k + 1] == sep && isAsciiLetter(b[k + 2]) && isSingleLetter(b, n, k + 2)) {
            letters++;
            k += 2;
        }
        int needed = sep == ' ' ? 3 : 2;
        if (letters < needed) {
            return -1;
        }
        // "a.m." and "p.m." are times, "w/o" and "n/a" are plain English
        if (letters == 2) {
            char a = b[i];
            char z = b[k];
            if ((sep == '.' && z == 'm' && (a == 'a' || a == 'p')) || (sep == '/' && (a == 'n' || z == 'o'))) {
                return -1;
            }
        }
        return k + 1;
    }

    /**
     * Folds leetspeak in an ASCII word ("t3legram" to "telegram", "wh@tsapp" to "whatsapp") and letters used
     * as digits in a number ("09oo" to "0900"). Returns null when the word is left as it is. The result has
     * the same length as the word.
     */
    private String foldWord(char[] b, int from, int to) {
        int letters = 0;
        int digits = 0;
        int symbols = 0;
        int longestDigitRun = 0;
        int run = 0;
        for (int k = from; k < to; k++) {
            char c = b[k];
            if (c >= '0' && c <= '9') {
                digits++;
                run++;
                longestDigitRun = Math.max(longestDigitRun, run);
            } else {
                run = 0;
                if (c == '@' || c == '$') {
                    symbols++;
                } else {
                    letters++;
                }
            }
        }
        int len = to - from;
        if (symbols > 0 && digits == 0) {
            String w = leet(b, from, to, true);
            return isTarget(w) ? w : null;
        }
        if (digits > 0 && letters >= 2 && longestDigitRun <= 2 && digits <= letters + 1 && symbols == 0) {
            // Only fold into a word we know ("t3legram", "v1sa", "fr33"), so handles like "hr_job1" stay intact.
            String w = leet(b, from, to, false);
            if (isTarget(w)) {
                return w;
            }
            String l = leetWithL(b, from, to);
            if (isTarget(l)) {
                return l;
            }
        }
        if (digits >= 2 && letters > 0 && letters <= digits && symbols == 0 && len >= 3) {
            StringBuilder sb = new StringBuilder(len);
            for (int k = from; k < to; k++) {
                char c = b[k];
                switch (c) {
                    case 'o' -> sb.append('0');
                    case 'l', 'i' -> sb.append('1');
                    case 'z' -> sb.append('2');
                    default -> {
                        if (c >= '0' && c <= '9') {
                            sb.append(c);
                        } else {
                            return null;
                        }
                    }
                }
            }
            return sb.toString();
        }
        return null;
    }

    private static String leet(char[] b, int from, int to, boolean symbolsOnly) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int k = from; k < to; k++) {
            char c = b[k];
            sb.append(switch (c) {
                case '@' -> 'a';
                case '$' -> 's';
                case '0' -> symbolsOnly ? c : 'o';
                case '1' -> symbolsOnly ? c : 'i';
                case '3' -> symbolsOnly ? c : 'e';
                case '4' -> symbolsOnly ? c : 'a';
                case '5' -> symbolsOnly ? c : 's';
                case '7' -> symbolsOnly ? c : 't';
                default -> c;
            });
        }
        return sb.toString();
    }

    private static String leetWithL(char[] b, int from, int to) {
        char[] copy = leet(b, from, to, false).toCharArray();
        for (int k = from; k < to; k++) {
            if (b[k] == '1') {
                copy[k - from] = 'l';
            }
        }
        return new String(copy);
    }
}
