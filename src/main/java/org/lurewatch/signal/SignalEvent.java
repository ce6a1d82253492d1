package org.lurewatch.signal;

import java.time.Instant;
import org.lurewatch.assess.Category;
import org.lurewatch.feedback.Verdict;

/**
 * One record on the signals step's repartition topics, keyed by contact: a sighting of the contact in a scored post
 * (its category only, never the post) or a verdict that applied to it.
 */
record SignalEvent(Category category, Verdict verdict, String hotline, Instant at) {
    SignalEvent {
        if ((category == null) == (verdict == null)) {
            throw new IllegalArgumentException("a signal event is a sighting or a verdict");
        }
    }

    static SignalEvent sighting(Category category, Instant at) {
        return new SignalEvent(category, null, null, at);
    }

    static SignalEvent verdict(Verdict verdict, String hotline, Instant at) {
        return new SignalEvent(null, verdict, hotline, at);
    }
}
