package org.lurewatch.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Texts a fuzzer should try on code that reads posts: any Unicode (surrogates, combining marks, zero-width and
 * control characters), the scripts the lexicons know, lure-like fragments, and long runs of the characters that
 * regular expressions over contacts, phones, salaries and spaced letters repeat, where backtracking can explode.
 */
final class HostileText {
    /** Fragments the extractors look for, so that generated texts reach deep into their patterns. */
    private static final List<String> FRAGMENTS = List.of("t e l e g r a m ", "t.m.e/", "@", "+62 812-", "wa.me/", "W.A ",
            "https://", "www.", "line id: ", "wechat ", "gaji 15-25 juta/bulan", "$1,500", "฿", "เงินเดือน", "30 triệu",
            "usia 18-35", "Kamboja", "กัมพูชา", "ကမ္ဘောဒီးယား", "柬埔寨", "캄보디아", "カンボジア", "\u200b", "\u200d",
            "\u0301", "\ufeff", "ｔｅｌｅｇｒａｍ", "🇰🇭", "💰", "\r\n", "\t", "0", "9", ".", "-", " ", "/", "\\", "\"");

    private HostileText() {
    }

    /** Any text up to {@code maxLength} characters, mixing random Unicode with the fragments above. */
    static Arbitrary<String> any(int maxLength) {
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(maxLength);
        Arbitrary<String> fragments = Arbitraries.of(FRAGMENTS).list().ofMaxSize(Math.max(1, maxLength / 8))
                .map(parts -> String.join("", parts));
        Arbitrary<String> around = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> mixed = Combinators.combine(around, fragments, around).as((a, b, c) -> a + b + c);
        return Arbitraries.oneOf(unicode, fragments, mixed);
    }

    /** About {@code size} characters: one fragment repeated, or fragments cycled, the worst case for a regex. */
    static Arbitrary<String> repeated(int size) {
        return Arbitraries.of(FRAGMENTS).list().ofMinSize(1).ofMaxSize(3).map(parts -> {
            String unit = String.join("", parts);
            return unit.repeat(Math.max(1, size / Math.max(1, unit.length())));
        });
    }
}
