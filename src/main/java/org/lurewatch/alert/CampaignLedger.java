package org.lurewatch.alert;

import java.util.Map;
import java.util.Objects;
import org.lurewatch.campaign.Campaign;

/**
 * The value of the {@value CampaignAlerts#LEDGER_STORE} store, keyed by campaign id: the campaign as last seen
 * (so a held-back update can be sent when its window ends) and what each hotline was told.
 *
 * @param seen event time of the last campaign change, for expiry
 */
public record CampaignLedger(Campaign latest, Map<String, Announced> hotlines, long seen) {
    public CampaignLedger {
        Objects.requireNonNull(latest, "latest");
        hotlines = Map.copyOf(hotlines);
    }
}
