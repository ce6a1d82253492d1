package org.lurewatch.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the console knows about one hotline, built only from that hotline's own topics (its alerts, its
 * verdicts, its analysts' read marks): so a lookup for one hotline cannot return another's data. Not thread-safe;
 * {@link ConsoleReadModel} guards it.
 */
final class HotlineState {
    /** Post references kept per campaign, oldest dropped first. */
    static final int MAX_POSTS_PER_CAMPAIGN = 1_000;
    /** Verdicts kept in memory per hotline, oldest dropped first (the topic keeps a year). */
    static final int MAX_VERDICTS = 20_000;

    final String id;
    private final int maxAlerts;
    final LinkedHashMap<String, AlertView> alerts = new LinkedHashMap<>();
    final Map<String, Campaign> campaigns = new HashMap<>();
    /** A merged-away campaign id to the id that absorbed it. */
    final Map<String, String> aliases = new HashMap<>();
    final LinkedHashMap<String, PostView> posts;
    final List<VerdictView> verdicts = new ArrayList<>();
    final Map<String, List<VerdictView>> verdictsBySubject = new HashMap<>();
    final Map<String, Set<String>> readByAnalyst = new HashMap<>();

    HotlineState(String id, int maxAlerts) {
        this.id = id;
        this.maxAlerts = maxAlerts;
        int maxPosts = maxAlerts * 2;
        this.posts = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PostView> eldest) {
                return size() > maxPosts;
            }
        };
    }

    /** A campaign as the alerts told it, updated by each alert about it. */
    static final class Campaign {
        final String id;
        JsonNode summary;
        String band;
        double score;
        PostView topPost;
        final LinkedHashMap<String, PostRefView> posts = new LinkedHashMap<>();
        final List<CampaignView.BandPoint> history = new ArrayList<>();
        final List<String> alertIds = new ArrayList<>();
        final Set<String> contacts = new LinkedHashSet<>();

        Campaign(String id) {
            this.id = id;
        }

        CampaignView view() {
            JsonNode s = summary;
            List<PostRefView> refs = new ArrayList<>(posts.values());
            refs.sort(java.util.Comparator.comparing(PostRefView::when));
            return new CampaignView(id, s.path("revision").asLong(), s.path("size").asInt(1), band, score,
                    AlertParser.strings(s.path("platforms")), AlertParser.strings(s.path("languages")),
                    AlertParser.strings(s.path("countries")), List.copyOf(contacts),
                    AlertParser.instant(AlertParser.text(s, "first_seen")), AlertParser.instant(AlertParser.text(s, "last_seen")),
                    AlertParser.strings(s.path("merged_ids")), topPost, refs, history, alertIds);
        }
    }

    void addAlert(AlertView alert, JsonNode data) {
        if (alerts.containsKey(alert.id())) {
            return;
        }
        alerts.put(alert.id(), alert);
        if (alerts.size() > maxAlerts) {
            alerts.remove(alerts.keySet().iterator().next());
        }
        posts.put(alert.post().key(), alert.post());
        if (alert.campaignId() == null) {
            return;
        }
        String id = alert.campaignId();
        aliases.remove(id);
        Campaign campaign = campaigns.computeIfAbsent(id, Campaign::new);
        JsonNode summary = data.path("campaign");
        for (String merged : AlertParser.strings(summary.path("merged_ids"))) {
            if (!merged.equals(id)) {
                Campaign absorbed = campaigns.remove(merged);
                if (absorbed != null) {
                    absorb(campaign, absorbed);
                }
                aliases.put(merged, id);
            }
        }
        boolean newer = campaign.summary == null
                || summary.path("revision").asLong() >= campaign.summary.path("revision").asLong();
        if (newer) {
            campaign.summary = summary;
            campaign.band = alert.band();
            campaign.score = alert.score();
            campaign.topPost = alert.post();
            campaign.contacts.addAll(AlertParser.contacts(summary.path("contacts")));
        }
        for (PostRefView ref : AlertParser.postRefs(data.path("posts"))) {
            campaign.posts.putIfAbsent(ref.key(), ref);
        }
        while (campaign.posts.size() > MAX_POSTS_PER_CAMPAIGN) {
            campaign.posts.remove(campaign.posts.keySet().iterator().next());
        }
        campaign.history.add(new CampaignView.BandPoint(alert.time(), alert.band(), alert.score(), alert.size(),
                alert.id(), alert.kind()));
        campaign.alertIds.add(alert.id());
    }

    private static void absorb(Campaign into, Campaign absorbed) {
        absorbed.posts.forEach(into.posts::putIfAbsent);
        into.history.addAll(absorbed.history);
        into.history.sort(java.util.Comparator.comparing(CampaignView.BandPoint::at));
        into.alertIds.addAll(0, absorbed.alertIds);
        into.contacts.addAll(absorbed.contacts);
        if (into.summary == null) {
            into.summary = absorbed.summary;
            into.band = absorbed.band;
            into.score = absorbed.score;
            into.topPost = absorbed.topPost;
        }
    }

    /** The campaign under this id, following a merge to the campaign that absorbed it. */
    Campaign campaign(String id) {
        String current = id;
        for (int hops = 0; hops < 64 && aliases.containsKey(current); hops++) {
            current = aliases.get(current);
        }
        return campaigns.get(current);
    }

    void addVerdict(VerdictView verdict) {
        verdicts.add(verdict);
        verdictsBySubject.computeIfAbsent(verdict.subject(), s -> new ArrayList<>()).add(verdict);
        if (verdicts.size() > MAX_VERDICTS) {
            VerdictView oldest = verdicts.remove(0);
            List<VerdictView> same = verdictsBySubject.get(oldest.subject());
            same.remove(oldest);
            if (same.isEmpty()) {
                verdictsBySubject.remove(oldest.subject());
            }
        }
    }

    /** The latest verdict on a subject, following campaign merges (a verdict on a merged-away id still counts). */
    VerdictView latestVerdict(String subject) {
        List<VerdictView> list = verdictsBySubject.get(subject);
        VerdictView latest = list == null || list.isEmpty() ? null : list.get(list.size() - 1);
        if (subject.startsWith("campaign:")) {
            Campaign campaign = campaign(subject.substring("campaign:".length()));
            if (campaign != null && campaign.summary != null) {
                for (String merged : AlertParser.strings(campaign.summary.path("merged_ids"))) {
                    List<VerdictView> old = verdictsBySubject.get("campaign:" + merged);
                    if (old != null && !old.isEmpty() && (latest == null || old.get(old.size() - 1).offset() > latest.offset())) {
                        latest = old.get(old.size() - 1);
                    }
                }
            }
        }
        return latest;
    }

    void markRead(String analyst, String alertId) {
        readByAnalyst.computeIfAbsent(analyst, a -> new HashSet<>()).add(alertId);
    }

    boolean isRead(String analyst, String alertId) {
        Set<String> read = readByAnalyst.get(analyst);
        return read != null && read.contains(alertId);
    }

    Instant newestAlertTime() {
        return alerts.values().stream().map(AlertView::time).max(Instant::compareTo).orElse(null);
    }
}
