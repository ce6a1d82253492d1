package org.lurewatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lurewatch.assess.Band;

class RoutesLoaderTest {
    private static final String FALLBACK = "  - {id: regional, fallback: true}\n";

    @Test
    void shouldLoadTheBundledRoutesWithEveryRequiredHotlineAndPartner() {
        Routes routes = RoutesLoader.loadBundled();

        assertThat(routes.hotlineIds()).contains("indonesia", "philippines", "vietnam", "thailand", "myanmar",
                "cambodia", "malaysia", "regional");
        assertThat(routes.partnerIds()).contains("facebook", "tiktok", "telegram", "x", "line", "jobstreet",
                "linkedin", "indeed");
        assertThat(routes.hotlines()).filteredOn(HotlineRoute::fallback).hasSize(1);
    }

    @Test
    void shouldRejectAnUnknownField() {
        assertThatThrownBy(() -> parse("hotlines:\n  - {id: a, languages: [id], langs: [x]}\n" + FALLBACK))
                .isInstanceOf(RoutesException.class)
                .hasMessageContaining("hotline 'a'").hasMessageContaining("unknown field 'langs'");
    }

    @Test
    void shouldRejectAnEmptyRoute() {
        assertThatThrownBy(() -> parse("hotlines:\n  - {id: a}\n" + FALLBACK))
                .hasMessageContaining("hotline 'a'").hasMessageContaining("empty route");
    }

    @Test
    void shouldRejectABadBand() {
        assertThatThrownBy(() -> parse("hotlines:\n  - {id: a, languages: [id], min_band: severe}\n" + FALLBACK))
                .hasMessageContaining("min_band").hasMessageContaining("low, medium, high, critical");
    }

    @Test
    void shouldRejectRoutesWithoutAFallback() {
        assertThatThrownBy(() -> parse("hotlines:\n  - {id: a, languages: [id]}\n"))
                .hasMessageContaining("fallback");
    }

    @Test
    void shouldRejectADuplicateId() {
        assertThatThrownBy(() -> parse("hotlines:\n  - {id: a, languages: [id]}\n  - {id: a, languages: [vi]}\n" + FALLBACK))
                .hasMessageContaining("used twice");
    }

    @Test
    void shouldRejectAnIdThatCannotBeATopicName() {
        assertThatThrownBy(() -> parse("hotlines:\n  - {id: 'A B', languages: [id]}\n" + FALLBACK))
                .hasMessageContaining("'id' must be lower-case");
    }

    @Test
    void shouldRejectAPartnerWithoutPlatforms() {
        assertThatThrownBy(() -> parse("hotlines:\n" + FALLBACK + "partners:\n  - {id: fb}\n"))
                .hasMessageContaining("partner 'fb'").hasMessageContaining("platforms");
    }

    @Test
    void shouldRejectDistressForPartnersBecausePartnersHaveNoCategories() {
        assertThatThrownBy(() -> parse("hotlines:\n" + FALLBACK + "partners:\n  - {id: fb, platforms: [facebook], categories: [distress]}\n"))
                .hasMessageContaining("unknown field 'categories'");
    }

    @Test
    void shouldDefaultTheBandToMedium() {
        Routes routes = parse("hotlines:\n  - {id: a, languages: [id]}\n" + FALLBACK);

        assertThat(routes.hotlines().get(0).minBand()).isEqualTo(Band.MEDIUM);
    }

    private static Routes parse(String yaml) {
        return RoutesLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }
}
