package org.lurewatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lurewatch.assess.Band;
import org.lurewatch.assess.Category;
import org.lurewatch.ingest.PostKind;

class KnownTagsTest {

    // ops cannot import the domain packages (infrastructure sits underneath them), so its default
    // vocabulary is a copy of their wire names; this test catches the copy going stale.
    @Test
    void shouldCoverEveryDomainWireName() {
        KnownTags defaults = KnownTags.defaults();

        assertThat(defaults.categories()).containsExactlyElementsOf(
                Arrays.stream(Category.values()).map(Category::wireName).toList());
        assertThat(defaults.bands()).containsExactlyElementsOf(
                Arrays.stream(Band.values()).map(Band::wireName).toList());
        assertThat(defaults.kinds()).containsExactlyElementsOf(
                Arrays.stream(PostKind.values()).map(PostKind::wireName).toList());
    }

    @Test
    void shouldKeepTheOrderGiven() {
        KnownTags tags = KnownTags.defaults().withSources(java.util.List.of("x", "line", "facebook"));

        assertThat(tags.sources()).containsExactly("x", "line", "facebook");
    }
}
