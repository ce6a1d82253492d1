package org.lurewatch.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.app.PipelineDriver;
import org.lurewatch.app.RecordingEvents;
import org.lurewatch.assess.Assessment;
import org.lurewatch.assess.Assessor;
import org.lurewatch.assess.Band;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.Contact;
import org.lurewatch.assess.ContactType;
import org.lurewatch.assess.Evidence;
import org.lurewatch.assess.Indicator;
import org.lurewatch.ingest.Post;

/** The bundled campaign feed, replayed with record timestamps from {@code posted_at}. */
class CampaignFeedTest {
    private final RecordingEvents events = new RecordingEvents();
    private final PipelineDriver pipeline =
            new PipelineDriver(RoutesLoader.loadBundled(), FeedLabelAssessor::new, events, PipelineDriver.UPDATE_WINDOW);

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void shouldMatchTheCommittedFeedFile() throws Exception {
        assertThat(Files.readString(CampaignFeed.FILE, StandardCharsets.UTF_8))
                .as("%s is stale: run CampaignFeed.main and review the diff", CampaignFeed.FILE)
                .isEqualTo(CampaignFeed.content());
    }

    @Test
    void shouldHoldTwentyLuresSharingOneHandleOnThreePlatformsThirtyBenignAndThreeDistress() {
        List<JsonNode> posts = CampaignFeed.lines().stream().map(PipelineDriver::json).toList();
        List<JsonNode> lures = posts.stream().filter(p -> p.get("id").asText().startsWith("lure-")).toList();

        assertThat(posts).hasSize(53);
        assertThat(lures).hasSize(20).allSatisfy(lure ->
                assertThat(lure.get("text").asText()).contains("@" + CampaignFeed.HANDLE));
        assertThat(lures.stream().map(l -> l.get("source").asText()).distinct()).containsExactlyInAnyOrder("facebook", "tiktok", "telegram");
        assertThat(lures.stream().map(l -> l.get("lang").asText()).distinct()).containsExactlyInAnyOrder("id", "en");
        assertThat(posts).filteredOn(p -> p.get("id").asText().startsWith("benign-")).hasSize(30);
        assertThat(posts).filteredOn(p -> p.get("id").asText().startsWith("distress-")).hasSize(3);
        assertThat(posts).allSatisfy(p -> assertThat(p.fieldNames()).toIterable()
                .isSubsetOf("id", "source", "kind", "lang", "title", "text", "author", "url", "posted_at"));
    }

    @Test
    void shouldTurnTwentyLuresIntoOneCampaignWithBoundedUpdatesNotTwentyAlerts() {
        replay();

        Map<String, List<JsonNode>> alerts = pipeline.readAlerts();
        assertThat(alerts).containsOnlyKeys("alerts.hotline.indonesia", "alerts.hotline.vietnam",
                "alerts.hotline.philippines", "alerts.partner.facebook", "alerts.partner.tiktok", "alerts.partner.telegram");

        List<JsonNode> indonesia = alerts.get("alerts.hotline.indonesia");
        assertThat(types(indonesia)).containsExactly("org.lurewatch.alert.lure.v1", "org.lurewatch.alert.distress.v1",
                "org.lurewatch.alert.campaign-update.v1", "org.lurewatch.alert.campaign-update.v1");
        List<JsonNode> campaign = indonesia.stream().filter(a -> a.at("/data/campaign").isObject()).toList();
        assertThat(campaign).extracting(a -> a.get("subject").asText()).containsOnly(campaign.get(0).get("subject").asText());
        assertThat(campaign.get(2).at("/data/campaign/platforms").toString()).isEqualTo("[\"facebook\",\"telegram\",\"tiktok\"]");
        assertThat(campaign.get(2).at("/data/campaign/languages").toString()).isEqualTo("[\"en\",\"id\"]");
        assertThat(campaign.get(2).at("/data/campaign/contacts").toString()).contains(CampaignFeed.HANDLE);
        // Every growth (lures 2 to 20) was held back: in the test driver one stream time spans all sub-topologies,
        // so each update went out from the window-end sweep, triggered by the feed record that moved time on,
        // just before that lure's own campaign change arrived. On a broker lures 16 and 17 update directly.
        assertThat(events.suppressed()).as("the rest held back").hasSize(19);

        assertThat(subjects(alerts.get("alerts.hotline.vietnam"))).containsExactly("facebook:distress-02");
        assertThat(subjects(alerts.get("alerts.hotline.philippines"))).containsExactly("tiktok:distress-03");
        assertThat(subjects(alerts.get("alerts.partner.facebook"))).hasSize(7).allMatch(s -> s.startsWith("facebook:lure-"));
        assertThat(subjects(alerts.get("alerts.partner.tiktok"))).hasSize(7).allMatch(s -> s.startsWith("tiktok:lure-"));
        assertThat(subjects(alerts.get("alerts.partner.telegram"))).hasSize(6).allMatch(s -> s.startsWith("telegram:lure-"));
        assertThat(pipeline.deadLetters()).isEmpty();
    }

    @Test
    void shouldSendOneCampaignAlertWhenTheFeedIsReplayedInsideOneWindow() {
        Instant now = PipelineDriver.T0;
        for (String line : CampaignFeed.lines()) {
            pipeline.pipe(topic(line), line, now);
        }

        List<JsonNode> indonesia = pipeline.readAlerts().get("alerts.hotline.indonesia");
        assertThat(types(indonesia)).containsExactlyInAnyOrder("org.lurewatch.alert.lure.v1", "org.lurewatch.alert.distress.v1");
    }

    private void replay() {
        for (String line : CampaignFeed.lines()) {
            pipeline.pipe(topic(line), line, Instant.parse(PipelineDriver.json(line).get("posted_at").asText()));
        }
    }

    private String topic(String line) {
        return PipelineDriver.json(line).get("kind").asText().equals("job_ad")
                ? pipeline.topics().jobAds() : pipeline.topics().social();
    }

    private static List<String> types(List<JsonNode> alerts) {
        return alerts.stream().map(a -> a.get("type").asText()).toList();
    }

    private static List<String> subjects(List<JsonNode> alerts) {
        return alerts.stream().map(a -> a.get("subject").asText()).collect(Collectors.toList());
    }

    /**
     * Reads the feed's own labels from the post id ({@code lure-07}), so this test checks campaigns and routing,
     * not a model. Handles ({@code @name}, {@code t.me/name}) and phone numbers become contacts.
     */
    static final class FeedLabelAssessor implements Assessor {
        private static final Pattern HANDLE = Pattern.compile("(?:@|t\\.me/)([A-Za-z0-9_]{3,32})");
        private static final Pattern PHONE = Pattern.compile("\\+\\d{8,14}");

        @Override
        public Assessment assess(Post post) {
            String text = post.fullText();
            Category category = post.id().startsWith("lure-") ? Category.LURE
                    : post.id().startsWith("distress-") ? Category.DISTRESS : Category.BENIGN;
            List<Contact> contacts = new ArrayList<>();
            Matcher handles = HANDLE.matcher(text);
            while (handles.find()) {
                contacts.add(new Contact(ContactType.TELEGRAM, handles.group(1).toLowerCase(Locale.ROOT),
                        new Evidence(handles.start(), handles.end(), handles.group())));
            }
            Matcher phones = PHONE.matcher(text);
            while (phones.find()) {
                contacts.add(new Contact(ContactType.WHATSAPP, phones.group(),
                        new Evidence(phones.start(), phones.end(), phones.group())));
            }
            List<Indicator> indicators = category == Category.LURE
                    ? List.of(new Indicator("FEED_LABEL", 1.0, "Labelled lure in the feed", null,
                            List.of(new Evidence(0, 10, text.substring(0, 10)))))
                    : List.of();
            double score = switch (category) {
                case LURE -> 0.92;
                case DISTRESS, JOB_SCAM -> 0.8;
                case BENIGN -> 0.05;
            };
            Band band = switch (category) {
                case LURE -> Band.CRITICAL;
                case DISTRESS, JOB_SCAM -> Band.HIGH;
                case BENIGN -> Band.LOW;
            };
            return new Assessment(post.id(), category, score, band, post.lang(), indicators, contacts, modelVersion());
        }

        @Override
        public String modelVersion() {
            return "feed-labels";
        }
    }
}
