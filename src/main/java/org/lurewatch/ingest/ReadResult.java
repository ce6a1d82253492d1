package org.lurewatch.ingest;

import java.util.Objects;

/** The outcome of reading one raw feed record: a post, or the reason it cannot be one. */
public sealed interface ReadResult {

    record Accepted(Post post) implements ReadResult {
        public Accepted {
            Objects.requireNonNull(post, "post");
        }
    }

    record Rejected(DeadLetterReason reason, String detail) implements ReadResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
