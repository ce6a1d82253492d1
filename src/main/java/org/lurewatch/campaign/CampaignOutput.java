package org.lurewatch.campaign;

import java.util.Objects;

/**
 * What the campaign keeper emits, split before anything is written: never serialized. A live campaign that
 * changed is told to the alert step at once ({@link Changed}, with what destinations were told, so the alert
 * step reads nothing back) and published on the {@code campaigns} topic at most once per publish interval
 * ({@link Publish}); a campaign merged away is published at once, with {@code merged_into} set.
 */
public sealed interface CampaignOutput {
    /** A command for another campaign (keyed by that campaign), back onto the commands topic. */
    record Send(CampaignCommand command) implements CampaignOutput {
        public Send {
            Objects.requireNonNull(command, "command");
        }
    }

    /** A live campaign changed (keyed by its id): its new entry, for the alert step in the same task. */
    record Changed(CampaignEntry entry) implements CampaignOutput {
        public Changed {
            Objects.requireNonNull(entry, "entry");
            if (!entry.isLive()) {
                throw new IllegalArgumentException("only a live campaign changes");
            }
        }
    }

    /**
     * The state of a campaign (keyed by its id) for the {@code campaigns} topic and the feedback step: a live
     * campaign's latest state, or the last record of one merged into another ({@link Campaign#mergedInto()} set).
     */
    record Publish(Campaign campaign) implements CampaignOutput {
        public Publish {
            Objects.requireNonNull(campaign, "campaign");
        }
    }

    /** A campaign forgotten after its TTL: a tombstone. */
    record Expire() implements CampaignOutput {
    }
}
