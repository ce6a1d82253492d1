package org.lurewatch.assess.extract;

import java.util.Map;

/** Normalises phone numbers to E.164 where the country is known. */
public final class PhoneNumbers {
    private static final Map<String, String> COUNTRY_CODES = Map.ofEntries(
            Map.entry("ID", "62"), Map.entry("MY", "60"), Map.entry("PH", "63"), Map.entry("TH", "66"),
            Map.entry("VN", "84"), Map.entry("KH", "855"), Map.entry("LA", "856"), Map.entry("MM", "95"),
            Map.entry("CN", "86"), Map.entry("SG", "65"), Map.entry("TW", "886"), Map.entry("HK", "852"),
            Map.entry("NP", "977"), Map.entry("LK", "94"), Map.entry("IN", "91"), Map.entry("BD", "880"));
    /** Calling codes of the region, longest first, to recognise numbers written without '+'. */
    private static final String[] REGION_CODES = {"855", "856", "62", "60", "63", "66", "84", "95", "86", "65"};

    private PhoneNumbers() {
    }

    /** The calling code of an ISO 3166-1 alpha-2 country, or null. */
    public static String callingCode(String country) {
        return country == null ? null : COUNTRY_CODES.get(country.toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * E.164 ({@code +628123456789}) when the country can be told, else the bare digits.
     *
     * @param written      the number as written (digits, spaces, dashes, dots, parentheses, maybe a leading +)
     * @param callingCode  the calling code to use for a national number starting with 0, or null
     */
    public static String normalize(String written, String callingCode) {
        String digits = written.replaceAll("[^0-9]", "");
        boolean plus = written.trim().startsWith("+");
        if (plus) {
            return "+" + digits;
        }
        if (digits.startsWith("00") && digits.length() > 10) {
            return "+" + digits.substring(2);
        }
        if (digits.startsWith("0") && callingCode != null) {
            return "+" + callingCode + digits.substring(1);
        }
        for (String cc : REGION_CODES) {
            if (digits.startsWith(cc) && digits.length() >= 10 && digits.length() <= 13) {
                return "+" + digits;
            }
        }
        if ("86".equals(callingCode) && digits.length() == 11 && digits.charAt(0) == '1') {
            return "+86" + digits;
        }
        return digits;
    }
}
