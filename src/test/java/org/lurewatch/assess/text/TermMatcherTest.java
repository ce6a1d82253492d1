package org.lurewatch.assess.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermMatcherTest {
    @Test
    void shouldMatchPhrasesAcrossPunctuationAtWordBoundaries() {
        TermMatcher.Builder b = TermMatcher.builder();
        int ticket = b.add("free air ticket");
        int wa = b.add("wa");
        TermMatcher m = b.build();
        String text = "free air-ticket! kawan wa: 0812";
        List<TermMatcher.Match> found = m.find(text);
        assertThat(found).extracting(TermMatcher.Match::id).containsExactly(ticket, wa);
        TermMatcher.Match first = found.get(0);
        assertThat(text.substring(first.start(), first.end())).isEqualTo("free air-ticket");
    }

    @Test
    void shouldMatchInsideUnspacedScriptsButNotSplitASyllable() {
        TermMatcher.Builder b = TermMatcher.builder();
        int free = b.add("ที่พักฟรี");
        int ka = b.add("ก");
        TermMatcher m = b.build();
        assertThat(m.find("มีที่พักฟรีให้")).extracting(TermMatcher.Match::id).contains(free);
        // "ก" followed by a vowel mark is part of a syllable: no match; alone it is
        assertThat(m.find("กิน")).isEmpty();
        assertThat(m.find("ก ข")).extracting(TermMatcher.Match::id).containsExactly(ka);
    }

    @Test
    void shouldFindOverlappingPhrases() {
        TermMatcher.Builder b = TermMatcher.builder();
        int a = b.add("no experience");
        int c = b.add("no experience needed");
        int d = b.add("experience");
        TermMatcher m = b.build();
        assertThat(m.find("no experience needed")).extracting(TermMatcher.Match::id).containsExactlyInAnyOrder(a, c, d);
    }
}
