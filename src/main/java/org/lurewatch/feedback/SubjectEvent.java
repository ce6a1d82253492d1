package org.lurewatch.feedback;

/**
 * One record on the {@code feedback-subjects} repartition topic, keyed by subject: either new facts about a
 * post or campaign, or a verdict on it. Facts and verdicts share one topic so that they meet on one partition.
 */
public record SubjectEvent(SubjectFacts facts, Feedback verdict) {
    public SubjectEvent {
        if ((facts == null) == (verdict == null)) {
            throw new IllegalArgumentException("a subject event carries facts or a verdict");
        }
    }

    public static SubjectEvent of(SubjectFacts facts) {
        return new SubjectEvent(facts, null);
    }

    public static SubjectEvent of(Feedback verdict) {
        return new SubjectEvent(null, verdict);
    }
}
