package org.lurewatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the pages write: escaped text, evidence marks, safe links, safe CSV, checked filters. */
class PagesTest {
    @Test
    void shouldEscapeEveryPieceOfPostText() {
        String hostile = "<script>alert(1)</script><img src=x onerror=\"x()\"> & 'q'";

        String html = Layout.highlight(hostile, List.of());

        assertThat(html).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;x()&quot;&gt; &amp; &#39;q&#39;");
    }

    @Test
    void shouldMarkEvidenceMergeOverlapsAndSkipSpansBeyondTheExcerpt() {
        String text = "Easy job abroad, chat @hr";
        IndicatorView pay = new IndicatorView("HIGH_PAY_UNSKILLED", "High pay", null,
                List.of(new IndicatorView.Span(0, 8, "Easy job")));
        IndicatorView noExperience = new IndicatorView("NO_EXPERIENCE", "No experience", null,
                List.of(new IndicatorView.Span(0, 4, "Easy"), new IndicatorView.Span(22, 25, "@hr"),
                        new IndicatorView.Span(40, 45, "later")));

        String html = Layout.highlight(text, List.of(pay, noExperience));

        assertThat(html).isEqualTo("<mark title=\"High pay; No experience\">Easy</mark><mark title=\"High pay\"> job</mark>"
                + " abroad, chat <mark title=\"No experience\">@hr</mark>");
    }

    @Test
    void shouldNeverSplitACharacterOutsideTheBasicPlane() {
        String text = "💰 gaji besar";
        IndicatorView split = new IndicatorView("X", "Label", null, List.of(new IndicatorView.Span(1, 6, "broken")));

        assertThat(Layout.highlight(text, List.of(split))).isEqualTo("💰 gaji besar");
    }

    @Test
    void shouldLinkOnlyToHttpUrls() {
        assertThat(Layout.externalLink("javascript:alert(1)", "x")).isEmpty();
        assertThat(Layout.externalLink("data:text/html,x", "x")).isEmpty();
        assertThat(Layout.externalLink("https://t.me/x\"onmouseover=\"y", "x")).isEmpty();
        assertThat(Layout.externalLink("https://facebook.example/p/1", "open")).contains("href=\"https://facebook.example/p/1\"",
                "rel=\"noopener noreferrer nofollow\"");
    }

    @Test
    void shouldQuoteCsvCellsThatASpreadsheetWouldRun() {
        assertThat(CaseExport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CaseExport.cell("+6281234")).isEqualTo("'+6281234");
        assertThat(CaseExport.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CaseExport.cell("plain")).isEqualTo("plain");
    }

    @Test
    void shouldRefuseAFilterItDoesNotKnowWithAMessage() {
        assertThatThrownBy(() -> InboxQuery.parse(name -> name.equals("band") ? "severe" : null))
                .hasMessage("band must be low, medium, high or critical");
        assertThatThrownBy(() -> InboxQuery.parse(name -> name.equals("from") ? "yesterday" : null))
                .hasMessage("from must be a date such as 2026-11-30");
        InboxQuery query = InboxQuery.parse(name -> switch (name) {
            case "kind" -> "distress";
            case "lang" -> "th";
            case "page" -> "2";
            default -> null;
        });
        assertThat(query.toQueryString()).isEqualTo("kind=distress&lang=th&page=2");
    }

    @Test
    void shouldSendAfterSignInOnlyToAConsolePath() {
        assertThat(ConsoleModule.safeNext("/console/campaigns/cmp-1")).isEqualTo("/console/campaigns/cmp-1");
        assertThat(ConsoleModule.safeNext("/console/?show=unread")).isEqualTo("/console/?show=unread");
        assertThat(ConsoleModule.safeNext("https://evil.example/")).isEqualTo("/console/");
        assertThat(ConsoleModule.safeNext("//evil.example/console/")).isEqualTo("/console/");
        assertThat(ConsoleModule.safeNext("/console//evil.example")).isEqualTo("/console/");
        assertThat(ConsoleModule.safeNext(null)).isEqualTo("/console/");
    }

    @Test
    void shouldNameAnAuditObjectByAHashWhenItsIdHoldsOtherCharacters() {
        assertThat(ConsoleModule.AuditObjects.of("post", "facebook:fb-1001")).isEqualTo("post:facebook:fb-1001");
        assertThat(ConsoleModule.AuditObjects.of("post", "facebook:a b<c>")).matches("post:sha256-[0-9a-f]{16}");
    }
}
