package org.lurewatch.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTest {
    @TempDir
    Path dir;

    private final AccessFixtures.MovableClock clock = new AccessFixtures.MovableClock();

    private ApiKeyStore store() {
        return new ApiKeyStore(dir, AccessFixtures.IDENTITIES, clock);
    }

    @Test
    void shouldIssueAHighEntropyKeyWhosePartnerComesFromTheKey() {
        ApiKeyStore store = store();

        IssuedKey issued = store.create("tiktok");

        assertThat(issued.secret()).matches("lwk_[a-z0-9]{10}_[A-Za-z0-9_-]{43}");
        assertThat(issued.secret()).startsWith("lwk_" + issued.key().keyId() + "_");
        assertThat(store.verify(issued.secret())).hasValue(AccessFixtures.IDENTITIES.requirePartner("tiktok"));
        assertThat(store.create("tiktok").secret()).isNotEqualTo(issued.secret());
    }

    @Test
    void shouldStoreOnlyTheHashOfAKey() throws Exception {
        IssuedKey issued = store().create("tiktok");

        String content = Files.readString(dir.resolve(ApiKeyStore.FILE_NAME));
        assertThat(content).contains(issued.key().keyId()).contains(issued.key().keySha256())
                .doesNotContain(issued.secret().substring(15));
    }

    @Test
    void shouldRejectAWrongSecretAnUnknownIdAndMalformedKeys() {
        ApiKeyStore store = store();
        IssuedKey issued = store.create("tiktok");
        String secret = issued.secret();
        String wrongSecret = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");
        String unknownId = "lwk_zzzzzzzzzz" + secret.substring(14);

        assertThat(store.verify(wrongSecret)).isEmpty();
        assertThat(store.verify(unknownId)).isEmpty();
        assertThat(store.verify(null)).isEmpty();
        assertThat(store.verify("")).isEmpty();
        assertThat(store.verify("Bearer " + secret)).isEmpty();
        assertThat(store.verify(secret + "x")).isEmpty();
        assertThat(ApiKeyStore.keyIdOf(wrongSecret)).hasValue(issued.key().keyId());
        assertThat(ApiKeyStore.keyIdOf("lwk_../../etc_x")).isEmpty();
    }

    @Test
    void shouldKeepBothKeysWorkingDuringTheRotationOverlapThenOnlyTheNewOne() {
        ApiKeyStore store = store();
        IssuedKey old = store.create("line");

        IssuedKey rotated = store.rotate("line", Duration.ofHours(24));

        assertThat(store.verify(old.secret())).as("old key in the overlap").isPresent();
        assertThat(store.verify(rotated.secret())).isPresent();
        assertThat(store.list(Optional.of("line"))).extracting(k -> k.state(clock.instant()))
                .containsExactly(ApiKey.State.EXPIRING, ApiKey.State.ACTIVE);
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(store.verify(old.secret())).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.verify(old.secret())).as("old key after the overlap").isEmpty();
        assertThat(store.verify(rotated.secret())).isPresent();
    }

    @Test
    void shouldEndTheOldKeyAtOnceWithoutOverlapAndNeverLengthenAnEnd() {
        ApiKeyStore store = store();
        IssuedKey first = store.create("line");
        store.rotate("line", Duration.ofHours(1));

        IssuedKey third = store.rotate("line", Duration.ofDays(2));
        assertThat(store.list(Optional.of("line")).get(0).expiresAt()).as("first key keeps its earlier end")
                .isEqualTo(clock.instant().plus(Duration.ofHours(1)));

        store.rotate("line", Duration.ZERO);
        assertThat(store.verify(first.secret())).isEmpty();
        assertThat(store.verify(third.secret())).isEmpty();
        assertThatThrownBy(() -> store.rotate("line", Duration.ofDays(31))).isInstanceOf(AccessException.class)
                .hasMessageContaining("between 0 and 30 days");
    }

    @Test
    void shouldStopARevokedKeyAtOnceAndLeaveThePartnersOtherKeys() {
        ApiKeyStore store = store();
        IssuedKey one = store.create("x");
        IssuedKey two = store.create("x");

        store.revoke(one.key().keyId());

        assertThat(store.verify(one.secret())).isEmpty();
        assertThat(store.verify(two.secret())).isPresent();
        assertThatThrownBy(() -> store.revoke(one.key().keyId())).isInstanceOf(AccessException.class)
                .hasMessageContaining("revoked already");
        assertThatThrownBy(() -> store.revoke("nosuchkey0")).isInstanceOf(AccessException.class)
                .hasMessage("no API key with id 'nosuchkey0'; `apikeys list` shows them");
    }

    @Test
    void shouldOnlyIssueKeysToPartnersOfTheRoutes() {
        assertThatThrownBy(() -> store().create("indonesia")).as("a hotline is not a partner")
                .isInstanceOf(AccessException.class).hasMessageStartingWith("unknown partner 'indonesia'");
        assertThatThrownBy(() -> store().list(Optional.of("nobody"))).isInstanceOf(AccessException.class);
    }
}
