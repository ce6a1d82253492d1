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
    private final char[][] keys;
    private final int[][] next;
    private final int[] fail;
    private final int[][] out;
    private final int[] dictLink;
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
        lengths = b.lengths.stream().mapToInt(Integer::intValue).toArray();
        latinStart = new boolean[lengths.length];
        latinEnd = new boolean[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            latinStart[i] = b.latinStart.get(i);
            latinEnd[i] = b.latinEnd.get(i);
        }
    }

    /** Child of {@code s} on {@code c}, or -1 (for the root: 0 means none). */
    private int step(int s, char c) {
        if (s == 0) {
            int r = rootNext[c];
            return r == 0 ? -1 : r;
        }
        int j = Arrays.binarySearch(keys[s], c);
        return j < 0 ? -1 : next[s][j];
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The view char for {@code c}: itself for letters, digits, marks and currency signs, else a space. */
    static char viewChar(char c) {
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

    /** The view of a phrase: view chars, runs of spaces collapsed, trimmed. */
    static String view(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char v = viewChar(s.charAt(i));
            if (v == ' ' && (sb.length() == 0 || sb.charAt(sb.length() - 1) == ' ')) {
                continue;
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
        return (c >= 'a' && c <= 'z') || (c >= 0xC0 && c < 0x250 && Character.isLetter(c)) || (c >= 0x1E00 && c <= 0x1EFF);
    }

    /** All occurrences in a normalised text, in order of their end. */
    public List<Match> find(String text) {
        int n = text.length();
        char[] view = new char[n + 2];
        int[] pos = new int[n + 2];
        int v = 0;
        view[v] = ' ';
        pos[v++] = 0;
        List<Match> matches = new ArrayList<>();
        int s = 0;
        char c = n > 0 ? viewChar(text.charAt(0)) : ' ';
        for (int i = 0; i < n; i++) {
            char next = i + 1 < n ? viewChar(text.charAt(i + 1)) : ' ';
            if (c == ' ' && view[v - 1] == ' ') {
                c = next;
                continue;
            }
            int vi = v;
            view[v] = c;
            pos[v++] = i;
            int t;
            if (s == 0) {
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
            if (s != 0) {
                for (int o = out[s] != null ? s : dictLink[s]; o > 0; o = dictLink[o]) {
                    for (int id : out[o]) {
                        int vs = vi - lengths[id] + 1;
                        if ((latinStart[id] && isLatinLetter(view[vs - 1])) || (latinEnd[id] && isLatinLetter(next))
                                || Nfkc.isMark(view[vs]) || Nfkc.isMark(next)) {
                            continue; // not at a word boundary, or cutting a Thai/Burmese/Khmer syllable in two
                        }
                        matches.add(new Match(id, pos[vs], i + 1));
                    }
                }
            }
            c = next;
        }
        return matches;
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
            latinStart.add(isLatinLetter(p.charAt(0)));
            latinEnd.add(isLatinLetter(p.charAt(p.length() - 1)));
            return id;
        }

        public TermMatcher build() {
            return new TermMatcher(this);
        }
    }
}
