package org.lurewatch.campaign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Who owns one link key: the value of the {@code campaign-link-owners} store. A contact key has one owner, the
 * campaign that first used it. A SimHash band key holds up to {@value #MAX_ENTRIES} fingerprints, each with its
 * campaign, because many unrelated texts share a band; a request matches only fingerprints within
 * {@link SimHash#MAX_DISTANCE} bits of its own.
 */
public record LinkBucket(List<Entry> entries) {
    public static final int MAX_ENTRIES = 64;

    /**
     * @param campaignId  the owner; may since have been merged into an older campaign, which the campaign step
     *                    resolves, so the link step never has to be told about merges
     * @param fingerprint the SimHash of a text-band entry, null for a contact
     * @param lastSeen    event time of the last post that used it (for expiry)
     */
    public record Entry(String campaignId, Long fingerprint, long lastSeen) {
        public Entry {
            Objects.requireNonNull(campaignId, "campaignId");
        }
    }

    /** The outcome of a request: the bucket to store and the campaigns the asking post links to. */
    public record Claim(LinkBucket bucket, List<String> campaignIds) {
        public Claim {
            campaignIds = List.copyOf(campaignIds);
        }
    }

    public LinkBucket {
        entries = List.copyOf(entries);
    }

    public static LinkBucket empty() {
        return new LinkBucket(List.of());
    }

    /**
     * Answers a request at event time {@code now}: the owners it matches, or, when it matches none, its own
     * proposal, which then owns the entry. A near (not identical) fingerprint is added as an entry of its own,
     * so that chains of small edits keep linking. Entries last seen before {@code cutoff} are dropped first: a
     * campaign that expired is never named again.
     */
    public Claim claim(LinkRequest request, long now, long cutoff) {
        List<Entry> next = new ArrayList<>(entries.size() + 1);
        List<String> owners = new ArrayList<>(2);
        boolean identical = false;
        for (Entry entry : entries) {
            if (entry.lastSeen() < cutoff) {
                continue;
            }
            if (matches(entry, request)) {
                if (!owners.contains(entry.campaignId())) {
                    owners.add(entry.campaignId());
                }
                identical |= Objects.equals(entry.fingerprint(), request.fingerprint());
                next.add(entry.lastSeen() >= now ? entry : new Entry(entry.campaignId(), entry.fingerprint(), now));
            } else {
                next.add(entry);
            }
        }
        if (owners.isEmpty()) {
            owners.add(request.proposal());
        }
        if (!identical) {
            next.add(new Entry(CampaignIds.oldest(owners), request.fingerprint(), now));
        }
        return new Claim(new LinkBucket(newest(next)), owners);
    }

    /** Event time of the latest use of any entry: the bucket expires a TTL after it. */
    public long lastSeen() {
        long latest = Long.MIN_VALUE;
        for (Entry entry : entries) {
            latest = Math.max(latest, entry.lastSeen());
        }
        return latest;
    }

    private static boolean matches(Entry entry, LinkRequest request) {
        if (request.fingerprint() == null || entry.fingerprint() == null) {
            return request.fingerprint() == null && entry.fingerprint() == null;
        }
        return SimHash.nearIdentical(entry.fingerprint(), request.fingerprint());
    }

    private static List<Entry> newest(List<Entry> entries) {
        if (entries.size() <= MAX_ENTRIES) {
            return entries;
        }
        return entries.stream().sorted(Comparator.comparingLong(Entry::lastSeen).reversed()).limit(MAX_ENTRIES).toList();
    }
}
