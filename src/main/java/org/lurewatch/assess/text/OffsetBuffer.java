package org.lurewatch.assess.text;

import java.util.Arrays;

/** A growable char buffer that remembers, for every char, the original span it came from. */
final class OffsetBuffer {
    char[] chars;
    int[] starts;
    int[] ends;
    int length;

    OffsetBuffer(int capacity) {
        int c = Math.max(16, capacity);
        chars = new char[c];
        starts = new int[c];
        ends = new int[c];
    }

    void append(char c, int start, int end) {
        if (length == chars.length) {
            int n = chars.length * 2;
            chars = Arrays.copyOf(chars, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
        }
        chars[length] = c;
        starts[length] = start;
        ends[length] = end;
        length++;
    }

    void appendCodePoint(int cp, int start, int end) {
        if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            append((char) cp, start, end);
        } else {
            append(Character.highSurrogate(cp), start, end);
            append(Character.lowSurrogate(cp), start, end);
        }
    }

    /** Appends one space unless the buffer is empty or already ends with a space. */
    void appendSpace(int start, int end) {
        if (length > 0 && chars[length - 1] != ' ') {
            append(' ', start, end);
        }
    }

    /** Appends a word surrounded by single spaces, every char mapped to the same original span. */
    void appendWord(String word, int start, int end) {
        appendSpace(start, end);
        for (int i = 0; i < word.length(); i++) {
            append(word.charAt(i), start, end);
        }
        append(' ', start, end);
    }

    char last() {
        return length == 0 ? 0 : chars[length - 1];
    }

    void trimTrailingSpace() {
        while (length > 0 && chars[length - 1] == ' ') {
            length--;
        }
    }
}
