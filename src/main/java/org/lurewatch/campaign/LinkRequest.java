package org.lurewatch.campaign;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * "Which campaign owns this link key?", asked by one post, keyed by the link key.
 *
 * @param postKey     the asking post
 * @param proposal    the campaign id the post founds if the key has no owner yet
 * @param fingerprint the post's SimHash for a text-band key (only near fingerprints match); null for a contact
 */
public record LinkRequest(@JsonProperty("post_key") String postKey, String proposal, Long fingerprint)
        implements LinkStepInput {
    public LinkRequest {
        Objects.requireNonNull(postKey, "postKey");
        Objects.requireNonNull(proposal, "proposal");
    }
}
