package org.lurewatch.assess.lexicon;

import java.util.Locale;

/** What an indicator speaks for: a lure, a victim in distress, against both (news, warnings, real employers). */
public enum IndicatorGroup {
    LURE,
    DISTRESS,
    COUNTER,
    WATCHLIST;

    static IndicatorGroup parse(YamlNode node) {
        String s = node.string();
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw node.error("unknown group '" + s + "', expected one of lure, distress, counter, watchlist");
        }
    }
}
