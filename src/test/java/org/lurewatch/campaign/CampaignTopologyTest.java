package org.lurewatch.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lurewatch.app.PipelineDriver;

class CampaignTopologyTest {
    /** Long enough for a SimHash (twelve words or more), with no contact in it. */
    private static final String TEMPLATE = "LURE Lowongan kerja customer service di Kamboja gaji 1500 USD per bulan tiket "
            + "pesawat visa makan dan mess ditanggung perusahaan tidak perlu pengalaman usia 18-35 tahun paspor siap";

    private final PipelineDriver pipeline = new PipelineDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void shouldPutPostsLinkedThroughAChainOfContactsInOneCampaign() {
        pipeline.post("a", "facebook", "id", "LURE kerja WA +6281111111111", 0);
        pipeline.post("b", "tiktok", "id", "LURE kerja WA +6281111111111 atau @hr_chain", 1);
        pipeline.post("c", "telegram", "en", "LURE data entry job, DM @hr_chain", 2);

        String id = CampaignIds.propose("facebook:a", PipelineDriver.T0);
        List<KeyValue<String, Campaign>> changes = pipeline.readCampaignChanges();
        assertThat(changes).extracting(change -> change.key).containsOnly(id);
        Campaign campaign = changes.get(changes.size() - 1).value;
        assertThat(campaign.size()).isEqualTo(3);
        assertThat(campaign.posts()).extracting(PostRef::key).containsExactly("facebook:a", "tiktok:b", "telegram:c");
        assertThat(campaign.contacts()).containsExactly("whatsapp:+6281111111111", "telegram:hr_chain");
        assertThat(campaign.platforms()).containsExactly("facebook", "telegram", "tiktok");
        assertThat(campaign.languages()).containsExactly("en", "id");
        assertThat(campaign.firstSeen()).isEqualTo(PipelineDriver.T0);
        assertThat(campaign.lastSeen()).isEqualTo(PipelineDriver.T0.plus(Duration.ofMinutes(2)));
        assertThat(campaign.mergedInto()).isNull();
        assertThat(pipeline.deadLetters()).isEmpty();
    }

    @Test
    void shouldMergeACampaignIntoTheOlderOneWhenAPostLinksThem() {
        pipeline.post("a", "facebook", "id", "LURE kerja WA +6281111111111", 0);
        pipeline.post("c", "facebook", "id", "LURE kerja DM @hr_later", 1);
        String older = CampaignIds.propose("facebook:a", PipelineDriver.T0);
        String younger = CampaignIds.propose("facebook:c", PipelineDriver.T0.plus(Duration.ofMinutes(1)));
        assertThat(pipeline.readCampaignChanges()).extracting(change -> change.key).containsExactly(older, younger);

        pipeline.post("b", "facebook", "id", "LURE kerja +6281111111111 @hr_later", 2);

        List<KeyValue<String, Campaign>> changes = pipeline.readCampaignChanges();
        KeyValue<String, Campaign> mergedAway = changes.stream().filter(c -> c.key.equals(younger)).findFirst().orElseThrow();
        assertThat(mergedAway.value.mergedInto()).isEqualTo(older);
        Campaign survivor = changes.get(changes.size() - 1).value;
        assertThat(survivor.id()).isEqualTo(older);
        assertThat(survivor.size()).isEqualTo(3);
        assertThat(survivor.mergedIds()).containsExactly(younger);
        assertThat(survivor.contacts()).containsExactlyInAnyOrder("whatsapp:+6281111111111", "telegram:hr_later");
        KeyValueStore<String, CampaignEntry> store = pipeline.driver().getKeyValueStore(CampaignTopology.CAMPAIGN_STORE);
        assertThat(store.get(younger).aliasOf()).isEqualTo(older);

        pipeline.post("d", "facebook", "id", "LURE kerja @hr_later", 3);
        assertThat(pipeline.readCampaignChanges()).as("a contact of the merged campaign leads to the survivor")
                .extracting(change -> change.key).containsExactly(older);
    }

    @Test
    void shouldJoinNearDuplicateTextWithADifferentHandle() {
        pipeline.post("one", "facebook", "id", TEMPLATE + " hubungi @hr_one", 0);
        pipeline.post("two", "tiktok", "id", "🔥 " + TEMPLATE.replace("tidak perlu", "tanpa") + " hubungi @hr_two", 5);

        List<KeyValue<String, Campaign>> changes = pipeline.readCampaignChanges();
        assertThat(changes).extracting(change -> change.key).containsOnly(CampaignIds.propose("facebook:one", PipelineDriver.T0));
        Campaign campaign = changes.get(changes.size() - 1).value;
        assertThat(campaign.posts()).extracting(PostRef::key).containsExactly("facebook:one", "tiktok:two");
        assertThat(campaign.contacts()).containsExactly("telegram:hr_one", "telegram:hr_two");
    }

    @Test
    void shouldKeepUnrelatedLuresInSeparateCampaigns() {
        pipeline.post("one", "facebook", "id", TEMPLATE + " hubungi @hr_one", 0);
        pipeline.post("two", "facebook", "en", "LURE urgent hiring typing job from home in Bangkok, free visa and "
                + "ticket, salary 2000 dollars, no experience, message @hr_two today", 1);
        pipeline.post("three", "facebook", "id", "LURE kerja WA +6282222222222", 2);

        assertThat(pipeline.readCampaignChanges()).extracting(change -> change.value.size()).containsExactly(1, 1, 1);
    }

    @Test
    void shouldNeverPutDistressOrBenignPostsInACampaign() {
        pipeline.post("lure", "facebook", "id", "LURE kerja @hr_shared +6281111111111", 0);
        pipeline.readCampaignChanges();

        pipeline.post("help", "facebook", "id", "HELP anak saya ditahan, dia dihubungi @hr_shared", 1);
        pipeline.post("warning", "facebook", "id", "Awas penipuan lowongan dari @hr_shared dan +6281111111111", 2);

        assertThat(pipeline.readCampaignChanges()).isEmpty();
    }

    @Test
    void shouldForgetACampaignAndItsLinksAfterThirtyQuietDays() {
        pipeline.post("old", "facebook", "id", "LURE kerja @hr_old", 0);
        String old = CampaignIds.propose("facebook:old", PipelineDriver.T0);
        pipeline.readCampaignChanges();

        pipeline.post("new", "facebook", "id", "LURE kerja @hr_new", (int) Duration.ofDays(31).toMinutes());

        List<KeyValue<String, Campaign>> changes = pipeline.readCampaignChanges();
        assertThat(changes).filteredOn(change -> change.key.equals(old)).singleElement()
                .satisfies(tombstone -> assertThat(tombstone.value).isNull());
        KeyValueStore<String, LinkBucket> links = pipeline.driver().getKeyValueStore(CampaignTopology.LINK_STORE);
        assertThat(links.get("contact:telegram:hr_old")).isNull();
        assertThat(links.get("contact:telegram:hr_new")).isNotNull();
    }
}
