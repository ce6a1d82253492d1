package org.lurewatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lurewatch.console.ConsoleFixtures.T0;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleReadModelTest {
    private final ConsoleReadModel model = ConsoleFixtures.model();

    @Test
    void shouldShowAHotlineOnlyItsOwnAlerts() {
        model.apply(ConsoleFixtures.alert("indonesia", ConsoleFixtures.distress("a1", "facebook:d1", "Tolong anak saya", T0)));
        model.apply(ConsoleFixtures.alert("vietnam", ConsoleFixtures.distress("v1", "facebook:d2", "Xin giúp", T0)));

        assertThat(model.inbox("indonesia", "ana", InboxQuery.all()).rows()).extracting(AlertView::id).containsExactly("a1");
        assertThat(model.alert("indonesia", "v1")).isEmpty();
        assertThat(model.alert("vietnam", "v1")).isPresent();
        assertThat(model.post("indonesia", "facebook:d2")).isEmpty();
        assertThatThrownBy(() -> model.inbox("atlantis", "ana", InboxQuery.all())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldPutOpenDistressFirstThenTheNewest() {
        model.apply(ConsoleFixtures.alert("indonesia", ConsoleFixtures.distress("d-old", "facebook:d1", "Tolong", T0)));
        model.apply(ConsoleFixtures.alert("indonesia", ConsoleFixtures.campaign("c-new", "cmp-1", 1, 2, "hr_a", "high",
                T0.plusSeconds(7200))));
        model.apply(ConsoleFixtures.alert("indonesia", ConsoleFixtures.distress("d-judged", "facebook:d2", "Tolong", T0.plusSeconds(60))));
        model.apply(ConsoleFixtures.verdict("indonesia", "{\"post_key\":\"facebook:d2\",\"verdict\":\"false_positive\",\"analyst\":\"ana\"}"));

        InboxResult inbox = model.inbox("indonesia", "ana", InboxQuery.all());

        assertThat(inbox.rows()).extracting(AlertView::id).containsExactly("d-old", "c-new", "d-judged");
        assertThat(inbox.openDistress()).isEqualTo(1);
        assertThat(inbox.verdicts()).containsKey("post:facebook:d2");
    }

    @Test
    void shouldFilterByReadStateVerdictKindBandLanguagePlatformAndDate() {
        model.apply(ConsoleFixtures.alert("indonesia", ConsoleFixtures.distress("d1", "facebook:d1", "Tolong", T0)));
        model.apply(ConsoleFixtures.alert("indonesia", ConsoleFixtures.campaign("c1", "cmp-1", 1, 2, "hr_a", "high",
                T0.plusSeconds(86_400 * 2))));
        model.apply(ConsoleFixtures.read("indonesia", "ana", "d1"));

        assertThat(ids(query("show", "unread"))).containsExactly("c1");
        assertThat(ids(query("show", "open"))).containsExactly("d1", "c1");
        assertThat(ids(query("kind", "distress"))).containsExactly("d1");
        assertThat(ids(query("band", "high"))).containsExactly("c1");
        assertThat(ids(query("platform", "tiktok"))).containsExactly("c1");
        assertThat(ids(query("lang", "vi"))).isEmpty();
        assertThat(ids(query("from", "2026-11-24"))).containsExactly("c1");
        assertThat(ids(query("to", "2026-11-23"))).containsExactly("d1");
        assertThat(model.inbox("indonesia", "budi", InboxQuery.all()).unread()).as("read marks are per analyst").isEqualTo(2);
    }

    @Test
    void shouldPageFiftyAlertsAtATime() {
        for (int i = 0; i < 120; i++) {
            model.apply(ConsoleFixtures.alert("indonesia", ConsoleFixtures.campaign("c" + i, "cmp-" + i, 1, 1, "hr_" + i, "high",
                    T0.plusSeconds(i))));
        }
        InboxResult last = model.inbox("indonesia", "ana", InboxQuery.all().withPage(3));

        assertThat(last.pages()).isEqualTo(3);
        assertThat(last.rows()).hasSize(20);
        assertThat(last.rows().get(19).id()).isEqualTo("c0");
        assertThat(model.inbox("indonesia", "ana", InboxQuery.all().withPage(99)).page()).isEqualTo(3);
    }

    @Test
    void shouldKeepACampaignsHistoryAndFollowAMergeToTheSurvivor() {
        model.apply(ConsoleFixtures.alert("indonesia", ConsoleFixtures.campaign("c1", "cmp-a", 1, 1, "hr_a", "medium", T0)));
        model.apply(ConsoleFixtures.alert("indonesia", ConsoleFixtures.campaign("c2", "cmp-b", 1, 2, "hr_b", "high", T0.plusSeconds(60))));
        model.apply(ConsoleFixtures.verdict("indonesia", "{\"campaign_id\":\"cmp-b\",\"verdict\":\"confirmed\",\"analyst\":\"ana\"}"));
        model.apply(ConsoleFixtures.alert("indonesia", ConsoleFixtures.campaign("c3", "cmp-a", 2, 3, "hr_a", "critical",
                T0.plusSeconds(120), "cmp-b")));

        CampaignView merged = model.campaign("indonesia", "cmp-b").orElseThrow();
        assertThat(merged.id()).as("the old id leads to the survivor").isEqualTo("cmp-a");
        assertThat(merged.history()).extracting(CampaignView.BandPoint::band).containsExactly("medium", "high", "critical");
        assertThat(merged.contacts()).contains("telegram:hr_a", "telegram:hr_b");
        assertThat(merged.alertIds()).containsExactlyInAnyOrder("c1", "c2", "c3");
        assertThat(model.verdicts("indonesia", "campaign:cmp-a")).extracting(VerdictView::verdict).containsExactly("confirmed");
    }

    @Test
    void shouldFindCampaignsAndPostsByAContactInAnyFormat() {
        model.apply(ConsoleFixtures.alert("indonesia", ConsoleFixtures.campaign("c1", "cmp-a", 1, 1, "hr_kamboja", "high", T0)));
        model.apply(ConsoleFixtures.alert("indonesia", ConsoleFixtures.distress("d1", "facebook:d1",
                "Anak saya hilang, hubungi saya di +62 812-3456-7890", T0)));

        assertThat(model.search("indonesia", "@HR_Kamboja").campaigns()).extracting(CampaignView::id).containsExactly("cmp-a");
        assertThat(model.search("indonesia", "t.me/hr_kamboja").campaigns()).hasSize(1);
        assertThat(model.search("indonesia", "0812 3456 7890").posts()).extracting(PostView::key).containsExactly("facebook:d1");
        assertThat(model.search("vietnam", "hr_kamboja").campaigns()).as("another hotline's campaigns").isEmpty();
        assertThatThrownBy(() -> model.search("indonesia", "  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepTheWatchlistWithItsHistoryAndDropARemovedContact() {
        model.apply(ConsoleFixtures.watch("telegram:hr_a", "confirmed", "indonesia", T0));
        model.apply(ConsoleFixtures.watch("telegram:hr_a", "false_positive", "vietnam", T0.plusSeconds(60)));
        model.apply(ConsoleFixtures.watch("telegram:hr_b", "confirmed", "indonesia", T0));
        model.apply(ConsoleFixtures.watch("telegram:hr_b", null, null, T0.plusSeconds(60)));

        List<ConsoleReadModel.WatchlistRow> rows = model.watchlist();
        assertThat(rows).extracting(ConsoleReadModel.WatchlistRow::contact).containsExactly("telegram:hr_a", "telegram:hr_b");
        assertThat(rows.get(0).current().verdict()).isEqualTo("false_positive");
        assertThat(rows.get(0).history()).extracting(WatchView::verdict).containsExactly("confirmed", "false_positive");
        assertThat(rows.get(1).current()).as("expired: off the watchlist").isNull();
        assertThat(model.watch("telegram:hr_b")).isEmpty();
    }

    @Test
    void shouldSkipWhatItCannotReadAndGoOn() {
        model.apply(ConsoleFixtures.record(ConsoleFixtures.TOPICS.hotlineAlerts("indonesia"), "x", "not json"));
        model.apply(ConsoleFixtures.record(ConsoleFixtures.TOPICS.hotlineAlerts("indonesia"), "x", "{\"id\":\"no type\"}"));
        model.apply(ConsoleFixtures.verdict("indonesia", "{\"verdict\":\"confirmed\"}"));
        model.apply(ConsoleFixtures.alert("indonesia", ConsoleFixtures.distress("a1", "facebook:d1", "Tolong", T0)));

        assertThat(model.skipped()).isEqualTo(3);
        assertThat(model.inbox("indonesia", "ana", InboxQuery.all()).rows()).hasSize(1);
    }

    private List<String> ids(InboxResult result) {
        return result.rows().stream().map(AlertView::id).toList();
    }

    private InboxResult query(String name, String value) {
        return model.inbox("indonesia", "ana", InboxQuery.parse(parameter -> parameter.equals(name) ? value : null));
    }
}
