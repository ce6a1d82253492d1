package org.lurewatch.assess.lexicon;

import java.util.Locale;

/** How a gazetteer place relates to scam compounds. */
public enum PlaceKind {
    /** A known compound area: Myawaddy, Shwe Kokko, KK Park, Sihanoukville, Golden Triangle SEZ... */
    HOTSPOT,
    /** A country that hosts compounds: Cambodia, Myanmar, Laos. */
    COUNTRY,
    /** A city with compounds and many ordinary jobs too: Phnom Penh. */
    CITY,
    /** Where victims pass: Bangkok, Mae Sot, Moc Bai... */
    TRANSIT;

    static PlaceKind parse(YamlNode node) {
        String s = node.string();
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw node.error("unknown kind '" + s + "', expected one of hotspot, country, city, transit");
        }
    }
}
