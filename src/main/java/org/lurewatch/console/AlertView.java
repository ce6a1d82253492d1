package org.lurewatch.console;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One alert of a hotline, as the console keeps it: what the inbox filters and sorts on, and the post the alert carries
 * (the distress post, or the campaign's riskiest post) with its excerpt and evidence. Campaign content (contacts,
 * post references) lives once per campaign in {@link CampaignView}, not in every alert.
 *
 * @param kind       distress, lure (a campaign's first alert) or update (a campaign update)
 * @param subject    the CloudEvent subject: the post key (distress) or the campaign id
 * @param campaignId the campaign, or null for distress
 * @param post       the post the alert carries
 * @param platforms  the post's platform, or every platform of the campaign
 * @param size       posts in the campaign (1 for distress)
 * @param newPosts   for an update: posts since the hotline's previous alert about the campaign
 * @param sequence   arrival order in the read model, for a stable order among equal times
 */
public record AlertView(
        String id,
        String hotline,
        Kind kind,
        String subject,
        String campaignId,
        String category,
        String band,
        double score,
        String language,
        Instant time,
        PostView post,
        List<String> platforms,
        int size,
        int newPosts,
        String recommendedAction,
        long sequence) {

    public enum Kind {
        DISTRESS("Distress"), LURE("New campaign"), UPDATE("Campaign update");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public AlertView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(post, "post");
        platforms = List.copyOf(platforms);
    }

    public boolean distress() {
        return kind == Kind.DISTRESS;
    }

    /** What a verdict on this alert judges: the campaign for lures, the post for distress. */
    public String verdictSubject() {
        return campaignId != null ? "campaign:" + campaignId : "post:" + post.key();
    }
}
