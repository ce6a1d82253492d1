package org.lurewatch.campaign;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lurewatch.assess.Band;

/**
 * What one destination was last told about a campaign, kept with the campaign in the campaign store so that
 * it moves with the campaign when it is merged: a hotline told about either half hears of the merged campaign
 * as an update, never as a new campaign. The campaign step only keeps and merges notices; the alert step
 * writes them ({@code alert.UpdatePolicy}).
 *
 * @param revision  the campaign revision last sent
 * @param at        stream time it was sent
 * @param size      campaign size then
 * @param platforms platforms then
 * @param contacts  contact keys then
 * @param band      campaign band then
 * @param pending   the campaign has grown since, and the update was held back
 */
public record Notice(long revision, long at, int size, List<String> platforms, List<String> contacts, Band band,
                     boolean pending) {
    public Notice {
        platforms = List.copyOf(platforms);
        contacts = List.copyOf(contacts);
        Objects.requireNonNull(band, "band");
    }

    public static Notice of(Campaign campaign, long at) {
        return new Notice(campaign.revision(), at, campaign.size(), campaign.platforms(), campaign.contacts(),
                campaign.band(), false);
    }

    /** More posts, a new platform, a new contact or a higher band: news worth an update. */
    public boolean grewIn(Campaign campaign) {
        return campaign.size() > size || !platforms.containsAll(campaign.platforms())
                || !contacts.containsAll(campaign.contacts()) || !band.atLeast(campaign.band());
    }

    public Notice heldBack() {
        return new Notice(revision, at, size, platforms, contacts, band, true);
    }

    /**
     * A destination told about both halves of a merge knew the larger size, both sets of platforms and contacts,
     * and the higher band; its next update is counted from the later of the two notices.
     */
    public static Notice merge(Notice a, Notice b) {
        Notice later = a.at >= b.at ? a : b;
        return new Notice(later.revision, later.at, Math.max(a.size, b.size), union(a.platforms, b.platforms),
                union(a.contacts, b.contacts), a.band.atLeast(b.band) ? a.band : b.band, a.pending || b.pending);
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
