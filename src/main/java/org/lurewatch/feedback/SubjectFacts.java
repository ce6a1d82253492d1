package org.lurewatch.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a verdict on a post or campaign applies to: its recruiter contacts and its posts. The value of the
 * {@value FeedbackTopology#SUBJECT_STORE} store, keyed by subject ({@code post:facebook:p1},
 * {@code campaign:cmp-...}).
 *
 * @param seen event time of the last update, for expiry
 * @param text for a lure or job-scam post, its text for a training example; null for a campaign
 */
public record SubjectFacts(List<String> contacts, @JsonProperty("post_keys") List<String> postKeys, long seen,
                           PostText text) {
    public SubjectFacts {
        contacts = List.copyOf(contacts);
        postKeys = List.copyOf(postKeys);
    }

    public SubjectFacts(List<String> contacts, List<String> postKeys, long seen) {
        this(contacts, postKeys, seen, null);
    }
}
