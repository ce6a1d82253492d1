package org.lurewatch.assess.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every occurrence of many phrases in one pass (Aho-Corasick), whatever the number of phrases.
 *
 * <p>Text and phrases are compared in a "view" where everything but letters, digits, combining marks and
 * currency signs is a single space, so "free air-ticket!" matches the phrase "free air ticket". A phrase that
 * starts or ends with a Latin letter only matches at a Latin word boundary ("wa" is not found in "kawan");
 * phrases in Thai, Burmese, Khmer, Lao or Chinese match anywhere, as those scripts have no spaces.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class TermMatcher {
    /** One occurrence: the phrase id given to the builder and the span in the normalised text. */
    public record Match(int id, int start, int end) {
    }

    private final int[] rootNext;
    /** Non-root transitions: open addressing on (state << 16 | char). */
    private final long[] hashKeys;
    private final int[] hashValues;
    private final int hashMask;
    private final char[][] keys;
    private final int[][] next;
    private final int[] fail;
    private final int[][] out;
    private final int[] dictLink;
    private final int[] spaceNext;
    private final int[] lengths; // phrase length in view chars, by id
    private final boolean[] latinStart;
    private final boolean[] latinEnd;

    private TermMatcher(Builder b) {
        int n = b.children.size();
        keys = new char[n][];
        next = new int[n][];
        fail = new int[n];
        out = new int[n][];
        dictLink = new int[n];
        rootNext = new int[0x10000];
        for (int s = 0; s < n; s++) {
            Map<Character, Integer> ch = b.children.get(s);
            char[] k = new char[ch.size()];
            int i = 0;
            for (char c : ch.keySet()) {
                k[i++] = c;
            }
            Arrays.sort(k);
            int[] nx = new int[k.length];
            for (int j = 0; j < k.length; j++) {
                nx[j] = ch.get(k[j]);
            }
            keys[s] = k;
            next[s] = nx;
            List<Integer> o = b.outputs.get(s);
            out[s] = o == null ? null : o.stream().mapToInt(Integer::intValue).toArray();
        }
        int transitions = 0;
        for (int st = 1; st < n; st++) {
            transitions += keys[st].length;
        }
        int cap = Integer.highestOneBit(Math.max(16, transitions * 3)) * 2;
        hashKeys = new long[cap];
        hashValues = new int[cap];
        hashMask = cap - 1;
        Arrays.fill(hashKeys, -1L);
        for (int st = 1; st < n; st++) {
            for (int j = 0; j < keys[st].length; j++) {
                long key = ((long) st << 16) | keys[st][j];
                int slot = slot(key);
                while (hashKeys[slot] != -1L) {
                    slot = (slot + 1) & hashMask;
                }
                hashKeys[slot] = key;
                hashValues[slot] = next[st][j];
            }
        }
        Arrays.fill(rootNext, 0);
        for (int j = 0; j < keys[0].length; j++) {
            rootNext[keys[0][j]] = next[0][j];
        }
        // failure links, breadth first
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        dictLink[0] = -1;
        for (int child : next[0]) {
            fail[child] = 0;
            dictLink[child] = -1;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int j = 0; j < keys[s].length; j++) {
                char c = keys[s][j];
                int t = next[s][j];
                int f = fail[s];
                int g;
                while (true) {
                    g = step(f, c);
                    if (g >= 0 || f == 0) {
                        break;
                    }
                    f = fail[f];
                }
                fail[t] = g >= 0 && g != t ? g : 0;
                int ft = fail[t];
                dictLink[t] = out[ft] != null ? ft : dictLink[ft];
                queue.add(t);
            }
        }
        // the full transition on a space, failure links resolved: a space ends every word, and would otherwise
        // send the matcher down its failure chain once per word
        spaceNext = new int[n];
        for (int st = 0; st < n; st++) {
            int f = st;
            int g;
            while (true) {
                g = step(f, ' ');
                if (g >= 0 || f == 0) {
                    break;
                }
                f = fail[f];
            }
            spaceNext[st] = Math.max(g, 0);
        }
        lengths = b.lengths.stream().mapToInt(Integer::intValue).toArray();
        latinStart = new boolean[lengths.length];
        latinEnd = new boolean[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            latinStart[i] = b.latinStart.get(i);
            latinEnd[i] = b.latinEnd.get(i);
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & hashMask;
    }

    /** Child of {@code s} on {@code c}, or -1. */
    private int step(int s, char c) {
        if (s == 0) {
            int r = rootNext[c];
            return r == 0 ? -1 : r;
        }
        long key = ((long) s << 16) | c;
        int slot = slot(key);
        while (true) {
            long k = hashKeys[slot];
            if (k == key) {
                return hashValues[slot];
            }
            if (k == -1L) {
                return -1;
            }
            slot = (slot + 1) & hashMask;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static final char[] VIEW = new char[0x10000];
    private static final boolean[] LATIN = new boolean[0x10000];

    static {
        for (int c = 0; c < 0x10000; c++) {
            VIEW[c] = computeViewChar((char) c);
            LATIN[c] = computeLatinLetter((char) c);
        }
    }

    /** The view char for {@code c}: itself for letters, digits, marks and currency signs, else a space. */
    static char viewChar(char c) {
        return VIEW[c];
    }

    private static char computeViewChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '$' ? c : ' ';
        }
        if (Character.isLetterOrDigit(c)) {
            return c;
        }
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.CURRENCY_SYMBOL || Character.isSurrogate(c) ? c : ' ';
    }

    /**
     * The view of a phrase: view chars, a space between a Latin letter and anything else that is not a space
     * ("1500usd" reads "1500 usd"), runs of spaces collapsed, trimmed.
     */
    static String view(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char v = viewChar(s.charAt(i));
            int len = sb.length();
            char prev = len == 0 ? ' ' : sb.charAt(len - 1);
            if (v == ' ') {
                if (prev != ' ') {
                    sb.append(' ');
                }
                continue;
            }
            if (prev != ' ' && isLatinLetter(prev) != isLatinLetter(v)) {
                sb.append(' ');
            }
            sb.append(v);
        }
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == ' ') {
            sb.setLength(len - 1);
        }
        return sb.toString();
    }

    private static boolean isLatinLetter(char c) {
        return LATIN[c];
    }

    private static boolean computeLatinLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 0xC0 && c < 0x250 && Character.isLetter(c)) || (c >= 0x1E00 && c <= 0x1EFF);
    }

    /** All occurrences in a normalised text, in order of their end. */
    public List<Match> find(String text) {
        int n = text.length();
        // the view, built as we go: text chars as view chars, with virtual spaces at word boundaries
        int[] pos = new int[2 * n + 3];
        int v = 0;
        List<Match> matches = new ArrayList<>();
        int s = feed(' ', 0, pos, v++, 0, matches, text);
        boolean prevLatin = false;
        char prev = ' ';
        for (int i = 0; i <= n; i++) {
            char c = i < n ? viewChar(text.charAt(i)) : ' ';
            boolean latin = c != ' ' && isLatinLetter(c);
            if (c != ' ' && prev != ' ' && latin != prevLatin) {
                s = feed(' ', i, pos, v++, s, matches, text);
                prev = ' ';
            }
            if (c == ' ' && prev == ' ') {
                continue;
            }
            s = feed(c, i, pos, v++, s, matches, text);
            prev = c;
            prevLatin = latin;
        }
        return matches;
    }

    /** Steps the automaton on view char {@code c} (text index {@code i}) and records any match ending here. */
    private int feed(char c, int i, int[] pos, int vi, int s, List<Match> matches, String text) {
        pos[vi] = i;
        int t;
        if (c == ' ') {
            t = spaceNext[s];
        } else if (s == 0) {
            t = rootNext[c];
        } else {
            while (true) {
                t = step(s, c);
                if (t >= 0 || s == 0) {
                    break;
                }
                s = fail[s];
            }
        }
        s = t < 0 ? 0 : t;
        if (s == 0) {
            return 0;
        }
        for (int o = out[s] != null ? s : dictLink[s]; o > 0; o = dictLink[o]) {
            for (int id : out[o]) {
                // phrases that start or end with a Latin letter carry a boundary space at that end
                int vs = vi - lengths[id] + 1 + (latinStart[id] ? 1 : 0);
                int ve = vi - (latinEnd[id] ? 1 : 0);
                int end = pos[ve] + 1;
                if (!latinStart[id] && Nfkc.isMark(text.charAt(pos[vs]))) {
                    continue;
                }
                if (!latinEnd[id] && end < text.length() && Nfkc.isMark(text.charAt(end))) {
                    continue; // never cut a syllable of Thai, Burmese or Khmer in two
                }
                matches.add(new Match(id, pos[vs], end));
            }
        }
        return s;
    }

    public int size() {
        return lengths.length;
    }

    /** Collects phrases; each gets the next id, in the order added. */
    public static final class Builder {
        private final List<Map<Character, Integer>> children = new ArrayList<>();
        private final Map<Integer, List<Integer>> outputs = new HashMap<>();
        private final List<Integer> lengths = new ArrayList<>();
        private final List<Boolean> latinStart = new ArrayList<>();
        private final List<Boolean> latinEnd = new ArrayList<>();

        private Builder() {
            children.add(new HashMap<>());
        }

        /**
         * Adds a phrase already normalised like the text ({@link TextNormalizer}). Returns its id, or -1 if the
         * phrase is empty in the view.
         */
        public int add(String normalizedPhrase) {
            String p = view(normalizedPhrase);
            if (p.isEmpty()) {
                return -1;
            }
            boolean ls = isLatinLetter(p.charAt(0));
            boolean le = isLatinLetter(p.charAt(p.length() - 1));
            // a phrase that starts or ends with a Latin letter only matches at a word boundary: a space in the view
            p = (ls ? " " : "") + p + (le ? " " : "");
            int s = 0;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                Integer t = children.get(s).get(c);
                if (t == null) {
                    t = children.size();
                    children.add(new HashMap<>());
                    children.get(s).put(c, t);
                }
                s = t;
            }
            int id = lengths.size();
            outputs.computeIfAbsent(s, k -> new ArrayList<>()).add(id);
            lengths.add(p.length());
            latinStart.add(ls);
            latinEnd.add(le);
            return id;
        }

        public TermMatcher build() {
            return new TermMatcher(this);
        }
    }
}
