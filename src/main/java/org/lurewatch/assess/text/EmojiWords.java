package org.lurewatch.assess.text;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps the emoji that lures use in place of words (money bags, planes, houses, flags) to English
 * words, so that lexicons and the model read "💰1k5 ✈️ free" as "money 1k5 flight free".
 */
final class EmojiWords {
    private static final Map<Integer, String> WORDS = new HashMap<>();
    private static final Map<String, String> FLAGS = new HashMap<>();

    static {
        put("💰💵💲💸🤑💴💶💷🪙💎", "money");
        put("✈🛫🛬🛩", "flight");
        put("🧳", "luggage");
        put("🏠🏡🏘", "house");
        put("🏨", "hotel");
        put("🛏", "bed");
        put("🍚🍜🍱🍽🍲🍛🥘", "food");
        put("📞☎📱📲", "phone");
        put("💬🗨", "chat");
        put("📩📨✉", "message");
        put("📧", "email");
        put("🔥", "hot");
        put("⚡", "fast");
        put("⏰⏳⌛🚨", "urgent");
        put("📢📣", "announcement");
        put("🆘", "sos");
        put("🙏", "please");
        put("😭😢😰😱", "crying");
        put("🛂", "passport");
        put("🪪", "id");
        put("💼", "job");
        put("💻🖥⌨", "computer");
        put("🎰🎲", "casino");
        put("🔗", "link");
        put("⚠", "warning");
        put("🚩", "red flag");
        put("🔒🔐⛓", "locked");
        FLAGS.put("KH", "cambodia");
        FLAGS.put("MM", "myanmar");
        FLAGS.put("LA", "laos");
        FLAGS.put("TH", "thailand");
        FLAGS.put("VN", "vietnam");
        FLAGS.put("ID", "indonesia");
        FLAGS.put("PH", "philippines");
        FLAGS.put("MY", "malaysia");
        FLAGS.put("CN", "china");
        FLAGS.put("SG", "singapore");
        FLAGS.put("JP", "japan");
        FLAGS.put("KR", "korea");
        FLAGS.put("TW", "taiwan");
        FLAGS.put("US", "usa");
        FLAGS.put("GB", "uk");
        FLAGS.put("NP", "nepal");
        FLAGS.put("LK", "sri lanka");
        FLAGS.put("IN", "india");
        FLAGS.put("AE", "dubai");
    }

    private EmojiWords() {
    }

    private static void put(String emojis, String word) {
        emojis.codePoints().forEach(cp -> WORDS.put(cp, word));
    }

    static String word(int cp) {
        return WORDS.get(cp);
    }

    /** A country word for a flag made of two regional indicator symbols, or "flag". */
    static String flag(int first, int second) {
        char a = (char) ('A' + (first - 0x1F1E6));
        char b = (char) ('A' + (second - 0x1F1E6));
        return FLAGS.getOrDefault("" + a + b, "flag");
    }

    static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    /** Pictographs, dingbats and other emoji-like symbols that carry no word of their own. */
    static boolean isPictograph(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF)
                || (cp >= 0x2600 && cp <= 0x27BF)
                || (cp >= 0x2B00 && cp <= 0x2BFF)
                || (cp >= 0x2190 && cp <= 0x21FF)
                || (cp >= 0x25A0 && cp <= 0x25FF)
                || (cp >= 0x2300 && cp <= 0x23FF)
                || cp == 0x3030 || cp == 0x303D;
    }

    /** Emoji modifiers that only change how the previous emoji looks. */
    static boolean isModifier(int cp) {
        return (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0xFE0F || cp == 0xFE0E || cp == 0x20E3
                || (cp >= 0xE0020 && cp <= 0xE007F);
    }
}
