package org.lurewatch.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * What happened to one flag of a request, in the response's {@code results}.
 *
 * @param index  the flag's place among the request's flags, from 0
 * @param line   its line in the body, from 1
 * @param status {@code accepted} (written now), {@code duplicate} (this partner sent this post before, within the
 *               de-duplication window; nothing written, treat it as success) or {@code rejected} (not written;
 *               {@code reason} and {@code detail} say why)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FlagResult(int index, int line, String status, @JsonProperty("post_key") String postKey, String source, String id,
                  String reason, String detail) {
    static final String ACCEPTED = "accepted";
    static final String DUPLICATE = "duplicate";
    static final String REJECTED = "rejected";

    FlagResult {
        Objects.requireNonNull(status, "status");
    }

    static FlagResult of(FlagRequests.Item item, String status, FlagChecks.Valid flag) {
        return new FlagResult(item.index(), item.line(), status, flag.postKey(), flag.source(), flag.id(), null, null);
    }

    static FlagResult rejected(FlagRequests.Item item, FlagChecks.Invalid flag) {
        return new FlagResult(item.index(), item.line(), REJECTED, null, flag.source(), flag.id(), flag.reason(),
                flag.detail());
    }
}
