package org.lurewatch.assess.text;

import com.google.myanmartools.TransliterateZ2U;
import com.google.myanmartools.ZawgyiDetector;

/**
 * Many Burmese posts are typed in the Zawgyi font encoding, which looks like noise to anything trained on
 * Unicode Burmese. This detects Zawgyi (Google's myanmar-tools) and converts it to Unicode, one
 * whitespace-separated segment at a time so that each converted segment still maps to its original span.
 * Thread-safe: the detector and converter are immutable once built.
 */
final class ZawgyiConverter {
    /** Convert when the detector is at least this sure; Unicode text scores near 0. */
    static final double THRESHOLD = 0.95;

    private final ZawgyiDetector detector = new ZawgyiDetector();
    private final TransliterateZ2U converter = new TransliterateZ2U("Zawgyi to Unicode");

    static boolean hasMyanmar(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x1000 && c <= 0x109F) {
                return true;
            }
        }
        return false;
    }

    double zawgyiProbability(String s) {
        return detector.getZawgyiProbability(s);
    }

    /** Returns null when {@code s} is not Zawgyi; otherwise the Unicode text with its offset map. */
    OffsetBuffer convertIfZawgyi(String s) {
        if (!hasMyanmar(s) || zawgyiProbability(s) < THRESHOLD) {
            return null;
        }
        OffsetBuffer out = new OffsetBuffer(s.length() + 16);
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                out.append(c, i, i + 1);
                i++;
                continue;
            }
            int j = i;
            while (j < n && !Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            String segment = s.substring(i, j);
            String converted = hasMyanmar(segment) ? converter.convert(segment) : segment;
            for (int k = 0; k < converted.length(); k++) {
                out.append(converted.charAt(k), i, j);
            }
            i = j;
        }
        return out;
    }
}
