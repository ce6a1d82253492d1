package org.lurewatch.assess.lexicon;

/** Names of the cue categories that change how other phrases read rather than saying anything themselves. */
public final class PhraseCues {
    /** Negators written before what they negate: "no", "without", "tidak", "không", "ไม่", "不", "无". */
    public static final String NEGATION = "NEGATION";
    /** Negators written after what they negate: Japanese "なし", "不要"; Korean "없음", "무관". */
    public static final String NEGATION_AFTER = "NEGATION_AFTER";

    private PhraseCues() {
    }
}
