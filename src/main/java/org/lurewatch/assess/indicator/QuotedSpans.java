package org.lurewatch.assess.indicator;

import java.util.Arrays;
import java.util.List;
import org.lurewatch.assess.Evidence;

/** Finds quoted passages ("...", “...”, 「...」, «...») in a text: warnings and news quote lures. */
final class QuotedSpans {
    private static final int MAX_QUOTE = 600;
    private static final String OPEN = "\"“「『«„";
    private static final String CLOSE = "\"”」』»“";

    private QuotedSpans() {
    }

    /** Quoted regions as [start0, end0, start1, end1, ...] in the text's own offsets. */
    static int[] find(String text) {
        boolean any = false;
        for (int q = 0; q < OPEN.length() && !any; q++) {
            any = text.indexOf(OPEN.charAt(q)) >= 0;
        }
        if (!any) {
            return new int[0];
        }
        int[] out = new int[8];
        int n = 0;
        int i = 0;
        int len = text.length();
        while (i < len) {
            char c = text.charAt(i);
            if (c != '"' && c < 0xAB) {
                i++;
                continue;
            }
            int open = OPEN.indexOf(c);
            if (open < 0) {
                i++;
                continue;
            }
            char close = CLOSE.charAt(open);
            int j = text.indexOf(close, i + 1);
            if (j < 0 || j - i > MAX_QUOTE) {
                i++;
                continue;
            }
            if (n + 2 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = i;
            out[n++] = j + 1;
            i = j + 1;
        }
        return Arrays.copyOf(out, n);
    }

    /** True if there is evidence and every span lies inside a quoted region. */
    static boolean allInside(int[] quoted, List<Evidence> evidence) {
        if (quoted.length == 0 || evidence.isEmpty()) {
            return false;
        }
        for (Evidence e : evidence) {
            boolean inside = false;
            for (int k = 0; k < quoted.length; k += 2) {
                if (e.start() >= quoted[k] && e.end() <= quoted[k + 1]) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                return false;
            }
        }
        return true;
    }
}
