package org.lurewatch.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = AccessFixtures.FAST_HASHER;

    @Test
    void shouldVerifyHashesMadeByTheArgon2ReferenceImplementation() {
        // Made with Debian's argon2 (the reference C implementation):
        // echo -n "correct horse battery staple" | argon2 "lurewatch-salt16" -id -t 2 -k 19456 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=19456,t=2,p=1$bHVyZXdhdGNoLXNhbHQxNg$PyIu7whufMHIZ+onN3Kblx9vXu2GuQnd8jfGli1Xwqc";
        // echo -n "pässwörd ✓" | argon2 "0123456789abcdef" -id -t 1 -k 64 -p 2 -l 32 -e
        String unicode = "$argon2id$v=19$m=64,t=1,p=2$MDEyMzQ1Njc4OWFiY2RlZg$IFsFh7jtaIC+s6jLa8jt1HHLDoY3qdGrviFsovCryxM";

        assertThat(hasher.verify("correct horse battery staple".toCharArray(), reference)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler".toCharArray(), reference)).isFalse();
        assertThat(hasher.verify("pässwörd ✓".toCharArray(), unicode)).isTrue();
    }

    @Test
    void shouldWriteAPhcStringWithTheOwaspDefaultsAndAFreshSalt() {
        PasswordHasher defaults = new PasswordHasher();

        String first = defaults.hash("an analyst's password".toCharArray());
        String second = defaults.hash("an analyst's password".toCharArray());

        assertThat(first).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(first).isNotEqualTo(second);
        assertThat(defaults.verify("an analyst's password".toCharArray(), first)).isTrue();
        assertThat(defaults.verify("an analyst's password".toCharArray(), second)).isTrue();
        assertThat(defaults.verify("an analysts password".toCharArray(), first)).isFalse();
    }

    @Test
    void shouldNeverMatchAMalformedHash() {
        assertThat(hasher.verify("x".toCharArray(), null)).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "x")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"))
                .as("argon2i, not argon2id").isFalse();
        assertThat(PasswordHasher.isWellFormed("$2a$10$abcdefghijklmnopqrstuv")).as("bcrypt").isFalse();
    }

    @Test
    void shouldAskForARehashWhenTheCostChanged() {
        String cheap = hasher.hash("pw".toCharArray());

        assertThat(hasher.needsRehash(cheap)).isFalse();
        assertThat(new PasswordHasher().needsRehash(cheap)).isTrue();
        assertThat(new PasswordHasher().verify("pw".toCharArray(), cheap)).as("old cost still verifies").isTrue();
    }

    @Test
    void shouldSpendTheSameWorkOnAnUnknownUser() {
        assertThat(hasher.verifyNothing("whatever".toCharArray())).isFalse();
    }
}
