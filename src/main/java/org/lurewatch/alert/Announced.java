package org.lurewatch.alert;

import java.util.List;
import java.util.Objects;
import org.lurewatch.assess.Band;
import org.lurewatch.campaign.Campaign;

/**
 * What one hotline was last told about one campaign, and whether growth since then is waiting for the update
 * window to pass.
 *
 * @param revision  the campaign revision last sent
 * @param at        event time it was sent
 * @param size      campaign size then
 * @param platforms platforms then
 * @param contacts  contact keys then
 * @param band      campaign band then
 * @param pending   the campaign has grown since, and the update was held back
 */
public record Announced(long revision, long at, int size, List<String> platforms, List<String> contacts, Band band,
                        boolean pending) {
    public Announced {
        platforms = List.copyOf(platforms);
        contacts = List.copyOf(contacts);
        Objects.requireNonNull(band, "band");
    }

    public static Announced of(Campaign campaign, long at) {
        return new Announced(campaign.revision(), at, campaign.size(), campaign.platforms(), campaign.contacts(),
                campaign.band(), false);
    }

    /** More posts, a new platform, a new contact or a higher band: news worth an update. */
    public boolean grewIn(Campaign campaign) {
        return campaign.size() > size || !platforms.containsAll(campaign.platforms())
                || !contacts.containsAll(campaign.contacts()) || !band.atLeast(campaign.band());
    }

    public Announced heldBack() {
        return new Announced(revision, at, size, platforms, contacts, band, true);
    }
}
