package org.lurewatch.campaign;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;
import java.util.Objects;

/**
 * Work for the campaign keeper, keyed by the campaign id it is addressed to: the value of the internal
 * {@code campaign-commands} topic. Any command addressed to a campaign that was merged away is passed on to
 * the campaign it was merged into.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "command")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CampaignCommand.Join.class, name = "join"),
        @JsonSubTypes.Type(value = CampaignCommand.Union.class, name = "union"),
        @JsonSubTypes.Type(value = CampaignCommand.Absorb.class, name = "absorb")})
public sealed interface CampaignCommand {

    /**
     * Add a post to this campaign.
     *
     * @param proposal the post's own proposed campaign id: a post founds a campaign only under its own id; a
     *                 post sent to an id that has no campaign yet waits there until it has one ({@link CampaignEntry})
     */
    record Join(CampaignPost post, String proposal) implements CampaignCommand {
        public Join {
            Objects.requireNonNull(post, "post");
            Objects.requireNonNull(proposal, "proposal");
        }
    }

    /** This campaign and {@code with} are one: the younger of the two is merged into the older. */
    record Union(String with) implements CampaignCommand {
        public Union {
            Objects.requireNonNull(with, "with");
        }
    }

    /** Take in everything of a campaign that was merged into this one, including what destinations were told. */
    record Absorb(Campaign campaign, Map<String, Notice> notices) implements CampaignCommand {
        public Absorb {
            Objects.requireNonNull(campaign, "campaign");
            notices = notices == null ? Map.of() : Map.copyOf(notices);
        }
    }
}
