package org.lurewatch.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lurewatch.assess.Band;

class CampaignTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void shouldKeepTheMostRecentPostsButCountThemAll() {
        Campaign campaign = Campaign.founding("cmp-a", post(0, 0.5, List.of("telegram:c0")));
        for (int i = 1; i < 250; i++) {
            campaign = campaign.withPost(post(i, 0.5, List.of("telegram:c" + i)));
        }

        assertThat(campaign.size()).isEqualTo(250);
        assertThat(campaign.posts()).hasSize(Campaign.MAX_POSTS);
        assertThat(campaign.posts().get(0).key()).isEqualTo("facebook:p150");
        assertThat(campaign.posts().get(Campaign.MAX_POSTS - 1).key()).isEqualTo("facebook:p249");
        assertThat(campaign.contacts()).hasSize(Campaign.MAX_CONTACTS).startsWith("telegram:c0");
        assertThat(campaign.revision()).isEqualTo(250);
        assertThat(campaign.firstSeen()).isEqualTo(T0);
    }

    @Test
    void shouldIgnoreAPostItAlreadyHas() {
        Campaign campaign = Campaign.founding("cmp-a", post(0, 0.5, List.of()));

        assertThat(campaign.withPost(post(0, 0.5, List.of()))).isSameAs(campaign);
    }

    @Test
    void shouldTakeTheRiskierTopPostAndCountSharedPostsOnceWhenAbsorbing() {
        Campaign older = Campaign.founding("cmp-a", post(0, 0.5, List.of("telegram:a"))).withPost(post(1, 0.6, List.of()));
        Campaign younger = Campaign.founding("cmp-b", post(1, 0.6, List.of())).withPost(post(2, 0.9, List.of("telegram:b")));

        Campaign merged = older.absorb(younger);

        assertThat(merged.id()).isEqualTo("cmp-a");
        assertThat(merged.size()).isEqualTo(3);
        assertThat(merged.posts()).extracting(PostRef::key).containsExactly("facebook:p0", "facebook:p1", "facebook:p2");
        assertThat(merged.topPost().ref().key()).isEqualTo("facebook:p2");
        assertThat(merged.band()).isEqualTo(Band.CRITICAL);
        assertThat(merged.contacts()).containsExactly("telegram:a", "telegram:b");
        assertThat(merged.mergedIds()).containsExactly("cmp-b");
    }

    @Test
    void shouldSortIdsByFoundingTime() {
        String earlier = CampaignIds.propose("x:late-key", T0);
        String later = CampaignIds.propose("a:early-key", T0.plusSeconds(1));

        assertThat(CampaignIds.older(earlier, later)).isTrue();
        assertThat(CampaignIds.oldest(List.of(later, earlier))).isEqualTo(earlier);
        assertThat(earlier).matches("cmp-20261123T100000000Z-[0-9a-f]{8}");
    }

    @Test
    void shouldTakeIdsFromThePostAloneSoThatEveryReplayGivesTheSameIds() {
        String undated = CampaignIds.propose("a:no-date", null);

        assertThat(undated).isEqualTo(CampaignIds.propose("a:no-date", null)).matches("cmp-undated-[0-9a-f]{8}");
        assertThat(CampaignIds.older(CampaignIds.propose("z:dated", T0), undated)).as("dated before undated").isTrue();
    }

    private static CampaignPost post(int i, double score, List<String> contacts) {
        Band band = score >= 0.85 ? Band.CRITICAL : Band.MEDIUM;
        return new CampaignPost(new PostRef("facebook:p" + i, "facebook", null, null, T0.plusSeconds(i), "id", score, band),
                null, contacts, List.of(), "test-1", "text " + i);
    }

    @Test
    void shouldBoundEveryListOfACampaign() {
        Campaign campaign = Campaign.founding("cmp-a", post(0, 0.5, List.of()));
        for (int i = 1; i < 40; i++) {
            Campaign other = Campaign.founding("cmp-b" + i, post(1000 + i, 0.5, List.of()));
            campaign = campaign.absorb(other);
        }

        assertThat(campaign.mergedIds()).hasSize(Campaign.MAX_MERGED).endsWith("cmp-b39");
        assertThat(IntStream.of(campaign.size())).containsExactly(40);
    }
}
