package org.lurewatch.signal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.lurewatch.feedback.Verdict;

/**
 * What the signals step knows of one contact, the value of the {@value SignalTopology#CONTACT_STORE} store: where it
 * was seen (lure and job-scam posts; whether ever in a distress post), the latest verdict on it and which hotlines
 * confirm it, and the version last published.
 *
 * @param seenInDistress once true, the contact is never published (do no harm: it may be the family's or a victim's)
 * @param confirmedBy    hotlines whose confirmation stands; cleared by a false positive or an expiry
 * @param published      the signal last written to the topic, or null
 */
record ContactState(
        @JsonProperty("first_seen") Instant firstSeen,
        @JsonProperty("last_seen") Instant lastSeen,
        @JsonProperty("lure_posts") long lurePosts,
        @JsonProperty("job_scam_posts") long jobScamPosts,
        @JsonProperty("seen_in_distress") boolean seenInDistress,
        Verdict verdict,
        @JsonProperty("verdict_at") Instant verdictAt,
        @JsonProperty("confirmed_by") Set<String> confirmedBy,
        Signal published) {

    ContactState {
        confirmedBy = confirmedBy == null ? Set.of() : Set.copyOf(new TreeSet<>(confirmedBy));
    }

    static ContactState empty() {
        return new ContactState(null, null, 0, 0, false, null, null, Set.of(), null);
    }

    boolean seen() {
        return lurePosts + jobScamPosts > 0;
    }
}
