package org.lurewatch.assess.indicator;

/** The stable indicator codes. Never rename one once shipped: hotlines filter and count by code. */
public final class IndicatorCodes {
    public static final String HIGH_PAY_UNSKILLED = "HIGH_PAY_UNSKILLED";
    public static final String PAID_TRAVEL = "PAID_TRAVEL";
    public static final String NO_EXPERIENCE = "NO_EXPERIENCE";
    public static final String MLTC_DESTINATION = "MLTC_DESTINATION";
    public static final String MESSAGING_APP_CONTACT = "MESSAGING_APP_CONTACT";
    public static final String URGENCY = "URGENCY";
    public static final String AGE_RANGE = "AGE_RANGE";
    public static final String PASSPORT = "PASSPORT";
    public static final String OBFUSCATION = "OBFUSCATION";
    public static final String VAGUE_EMPLOYER = "VAGUE_EMPLOYER";
    public static final String CONFINEMENT = "CONFINEMENT";
    public static final String RANSOM = "RANSOM";
    public static final String HELP_REQUEST = "HELP_REQUEST";
    public static final String VIOLENCE = "VIOLENCE";
    public static final String FORCED_SCAM = "FORCED_SCAM";
    public static final String NEWS_OR_WARNING = "NEWS_OR_WARNING";
    public static final String LEGIT_EMPLOYER = "LEGIT_EMPLOYER";
    /** Added by the watchlist (campaign engineer) through {@code campaign.WatchlistScoring}, never by text rules. */
    public static final String WATCHLISTED_CONTACT = "WATCHLISTED_CONTACT";

    private IndicatorCodes() {
    }
}
