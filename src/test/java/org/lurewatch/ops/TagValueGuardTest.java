package org.lurewatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TagValueGuardTest {

    @Test
    void shouldAdmitKnownValuesAlways() {
        TagValueGuard guard = new TagValueGuard(Set.of("telegram"), 0);

        assertThat(guard.admit("telegram")).isEqualTo("telegram");
        assertThat(guard.admit("newsite")).isEqualTo(TagValueGuard.OTHER);
    }

    @Test
    void shouldAdmitUnknownValuesUpToTheLimitThenCountThemAsOther() {
        TagValueGuard guard = new TagValueGuard(Set.of(), 2);

        assertThat(guard.admit("a")).isEqualTo("a");
        assertThat(guard.admit("b")).isEqualTo("b");
        assertThat(guard.admit("c")).isEqualTo(TagValueGuard.OTHER);
        assertThat(guard.admit("a")).isEqualTo("a");
    }

    @Test
    void shouldTidyValuesIntoSafeLowerCase() {
        assertThat(TagValueGuard.tidy(" TikTok ")).isEqualTo("tiktok");
        assertThat(TagValueGuard.tidy("a b\"c{d}")).isEqualTo("a_b_c_d_");
        assertThat(TagValueGuard.tidy("x".repeat(100))).hasSize(64);
        assertThat(TagValueGuard.tidy(null)).isEqualTo(TagValueGuard.UNKNOWN);
        assertThat(TagValueGuard.tidy("  ")).isEqualTo(TagValueGuard.UNKNOWN);
    }
}
