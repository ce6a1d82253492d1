package org.lurewatch.console;

import java.util.Locale;
import java.util.Map;

/** Names people read for the codes the pipeline uses: verdicts, bands, languages, platforms, contact types. */
final class Labels {
    private static final Map<String, String> LANGUAGES = Map.ofEntries(Map.entry("en", "English"),
            Map.entry("id", "Indonesian"), Map.entry("ms", "Malay"), Map.entry("tl", "Filipino"),
            Map.entry("vi", "Vietnamese"), Map.entry("th", "Thai"), Map.entry("zh", "Chinese"), Map.entry("my", "Burmese"),
            Map.entry("km", "Khmer"), Map.entry("lo", "Lao"), Map.entry("ko", "Korean"), Map.entry("ja", "Japanese"),
            Map.entry("ne", "Nepali"), Map.entry("si", "Sinhala"), Map.entry("hi", "Hindi"), Map.entry("sw", "Swahili"));
    private static final Map<String, String> CONTACT_TYPES = Map.of("telegram", "Telegram", "whatsapp", "WhatsApp",
            "line", "LINE", "wechat", "WeChat", "phone", "Phone", "url", "Link", "domain", "Web domain", "email", "E-mail");

    private Labels() {
    }

    static String verdict(String wire) {
        if (wire == null) {
            return "removed";
        }
        return switch (wire) {
            case "confirmed" -> "Confirmed";
            case "false_positive" -> "False positive";
            case "expired" -> "Expired";
            default -> wire;
        };
    }

    static String band(String band) {
        return band == null || band.isEmpty() ? "" : band.substring(0, 1).toUpperCase(Locale.ROOT) + band.substring(1);
    }

    static String language(String code) {
        if (code == null || code.isEmpty()) {
            return "unknown";
        }
        String name = LANGUAGES.get(code);
        return name == null ? code : name;
    }

    static String contactType(String type) {
        return CONTACT_TYPES.getOrDefault(type, type);
    }

    static String platform(String source) {
        if (source == null || source.isEmpty()) {
            return "";
        }
        return switch (source) {
            case "x" -> "X";
            case "tiktok" -> "TikTok";
            case "line" -> "LINE";
            case "linkedin" -> "LinkedIn";
            case "jobstreet" -> "JobStreet";
            default -> source.substring(0, 1).toUpperCase(Locale.ROOT) + source.substring(1);
        };
    }

    /** "1 contact", "3 contacts". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code lang} attribute for text in a language the pipeline detected ({@code und} when unknown). */
    static String langAttribute(String code) {
        return code == null || !code.matches("[a-z]{2,3}") ? "und" : code;
    }
}
