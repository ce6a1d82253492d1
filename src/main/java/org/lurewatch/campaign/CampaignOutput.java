package org.lurewatch.campaign;

import java.util.Objects;

/** What the campaign keeper emits, split before anything is written: never serialized. */
sealed interface CampaignOutput {
    /** A command for another campaign (keyed by that campaign), back onto the commands topic. */
    record Send(CampaignCommand command) implements CampaignOutput {
        public Send {
            Objects.requireNonNull(command, "command");
        }
    }

    /** The new state of a campaign (keyed by its id) for the {@code campaigns} topic and the alert step. */
    record Publish(Campaign campaign) implements CampaignOutput {
        public Publish {
            Objects.requireNonNull(campaign, "campaign");
        }
    }

    /** A campaign forgotten after its TTL: a tombstone. */
    record Expire() implements CampaignOutput {
    }
}
