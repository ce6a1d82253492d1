package org.lurewatch.models;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.lurewatch.assess.Assessment;
import org.lurewatch.assess.Category;

/**
 * How a shadow candidate's assessments compare with the live model's, counted per pair of categories (live,
 * candidate) since the candidate was set. Lock-free; read by the metrics and {@code /readyz}.
 */
public final class ShadowStats {
    private static final Category[] CATEGORIES = Category.values();
    private final AtomicLong scored = new AtomicLong();
    private final AtomicLong bandChanged = new AtomicLong();
    private final AtomicLongArray pairs = new AtomicLongArray(CATEGORIES.length * CATEGORIES.length);

    /** Counts one post; true when the candidate disagrees on the category. */
    public boolean count(Assessment live, Assessment candidate) {
        scored.incrementAndGet();
        pairs.incrementAndGet(live.category().ordinal() * CATEGORIES.length + candidate.category().ordinal());
        if (live.band() != candidate.band()) {
            bandChanged.incrementAndGet();
        }
        return live.category() != candidate.category();
    }

    public long scored() {
        return scored.get();
    }

    public long bandChanged() {
        return bandChanged.get();
    }

    /** Posts the live model put in {@code live} and the candidate in {@code candidate}. */
    public long pair(Category live, Category candidate) {
        return pairs.get(live.ordinal() * CATEGORIES.length + candidate.ordinal());
    }

    public long disagreements() {
        long n = 0;
        for (Category a : CATEGORIES) {
            for (Category b : CATEGORIES) {
                if (a != b) {
                    n += pair(a, b);
                }
            }
        }
        return n;
    }

    /** Starts counting afresh (a new candidate). */
    public void reset() {
        scored.set(0);
        bandChanged.set(0);
        for (int i = 0; i < pairs.length(); i++) {
            pairs.set(i, 0);
        }
    }
}
