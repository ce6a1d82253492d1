package org.lurewatch.assess.lexicon;

import java.util.Locale;

/** What an indicator speaks for: a lure, a victim in distress, both (context), against both (news, warnings, real employers). */
public enum IndicatorGroup {
    LURE,
    /** Speaks for lure and distress alike, against benign: a scam-compound destination. */
    CONTEXT,
    DISTRESS,
    /** Speaks for a job scam with no travel: paid tasks, advance fees. */
    JOB_SCAM,
    COUNTER,
    WATCHLIST;

    static IndicatorGroup parse(YamlNode node) {
        String s = node.string();
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw node.error("unknown group '" + s + "', expected one of lure, context, distress, job_scam, counter, watchlist");
        }
    }
}
