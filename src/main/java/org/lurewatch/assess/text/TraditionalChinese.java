package org.lurewatch.assess.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Folds Traditional Chinese characters to their Simplified forms, one character to one, so that one Chinese
 * lexicon and one set of model features serve posts from Taiwan, Hong Kong and Macau as well as the mainland
 * ("徵才 高薪 機票" reads as "征才 高薪 机票"), and evidence offsets stay those of the original text.
 *
 * <p>The table ({@code /text/traditional-to-simplified.txt}) is generated from ICU4J's Traditional-Simplified
 * transliterator; a test regenerates it and fails when the committed copy is stale, so ICU4J is needed only to
 * build, not to run.
 */
public final class TraditionalChinese {
    static final String TABLE = "/text/traditional-to-simplified.txt";
    private static final char[] SIMPLIFIED = load();

    private TraditionalChinese() {
    }

    /** The Simplified form of a character, or the character itself. */
    public static char simplified(char c) {
        char s = SIMPLIFIED[c];
        return s == 0 ? c : s;
    }

    /** How many characters the table folds. */
    static int size() {
        int n = 0;
        for (char c : SIMPLIFIED) {
            n += c == 0 ? 0 : 1;
        }
        return n;
    }

    private static char[] load() {
        char[] table = new char[0x10000];
        try (InputStream in = TraditionalChinese.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("the Traditional-to-Simplified table " + TABLE + " is not on the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.length() != 3 || line.charAt(1) != '\t') {
                    throw new IllegalStateException(TABLE + ":" + n + ": expected 'traditional<TAB>simplified', one character each");
                }
                table[line.charAt(0)] = line.charAt(2);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TABLE, e);
        }
        return table;
    }
}
