package org.lurewatch.campaign;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Objects;

/**
 * What the campaign step learns about one lure post, keyed by post key: the post itself, and one answer per
 * link key from the link owners. They arrive in any order; the post is placed when all have arrived.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PostLinkEvent.Arrived.class, name = "arrived"),
        @JsonSubTypes.Type(value = PostLinkEvent.Answered.class, name = "answered")})
public sealed interface PostLinkEvent {

    /**
     * @param post     what the campaign needs of the post
     * @param proposal the campaign id the post founds if it links to nothing
     * @param links    how many link keys it asked about, so how many answers to wait for
     */
    @JsonTypeName("arrived")
    record Arrived(CampaignPost post, String proposal, int links) implements PostLinkEvent, LinkStepInput {
        public Arrived {
            Objects.requireNonNull(post, "post");
            Objects.requireNonNull(proposal, "proposal");
        }
    }

    /** The campaigns that own one of the post's link keys (its own proposal if it claimed the key). */
    record Answered(String linkKey, List<String> campaignIds) implements PostLinkEvent {
        public Answered {
            Objects.requireNonNull(linkKey, "linkKey");
            campaignIds = List.copyOf(campaignIds);
        }
    }
}
