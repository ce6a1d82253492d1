package org.lurewatch.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookStoreTest {
    @TempDir
    Path dir;

    private final AccessFixtures.MovableClock clock = new AccessFixtures.MovableClock();
    private final Principal indonesia = AccessFixtures.IDENTITIES.requireHotline("indonesia");
    private final Principal tiktok = AccessFixtures.IDENTITIES.requirePartner("tiktok");

    private WebhookStore store() {
        return new WebhookStore(dir, AccessFixtures.IDENTITIES, clock);
    }

    @Test
    void shouldRegisterAnEndpointWithAStandardWebhooksSecretInAnOwnerOnlyFile() throws Exception {
        IssuedWebhookSecret issued = store().add(indonesia, "https://hotline.example/hooks", Set.of(WebhookEvent.ALERTS), false);

        WebhookEndpoint endpoint = issued.endpoint();
        assertThat(endpoint.endpointId()).matches("[a-z0-9]{10}");
        assertThat(endpoint.owner()).isEqualTo("hotline:indonesia");
        assertThat(endpoint.ownerKind()).isEqualTo(PrincipalKind.HOTLINE);
        assertThat(issued.secret().secret()).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(issued.secret().key()).hasSize(32);
        assertThat(issued.toString()).doesNotContain(issued.secret().secret());
        assertThat(endpoint.toString()).doesNotContain(issued.secret().secret());
        assertThat(store().find(endpoint.endpointId())).hasValue(endpoint);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(WebhookStore.FILE_NAME))))
                .isEqualTo("rw-------");
    }

    @Test
    void shouldRefuseUnknownOwnersPlainHttpAndUrlsWithCredentials() {
        WebhookStore store = store();

        assertThatThrownBy(() -> store.add(AccessFixtures.IDENTITIES.app(), "https://a.example/", Set.of(WebhookEvent.ALERTS), false))
                .isInstanceOf(AccessException.class).hasMessageContaining("hotline or a partner");
        assertThatThrownBy(() -> store.add(tiktok, "http://a.example/", Set.of(WebhookEvent.ALERTS), false))
                .isInstanceOf(AccessException.class).hasMessageContaining("plain http").hasMessageContaining("--allow-http");
        assertThatThrownBy(() -> store.add(tiktok, "https://user:pw@a.example/", Set.of(WebhookEvent.ALERTS), false))
                .isInstanceOf(AccessException.class).hasMessageContaining("user name");
        assertThatThrownBy(() -> store.add(tiktok, "ftp://a.example/", Set.of(WebhookEvent.ALERTS), false))
                .isInstanceOf(AccessException.class).hasMessageContaining("https://");
        assertThatThrownBy(() -> store.add(tiktok, "https://a.example/", Set.of(), false))
                .isInstanceOf(AccessException.class).hasMessageContaining("alerts, signals or both");
        assertThat(store.add(tiktok, "http://127.0.0.1:9000/hook", Set.of(WebhookEvent.SIGNALS), true).endpoint().url())
                .isEqualTo("http://127.0.0.1:9000/hook");
    }

    @Test
    void shouldSignWithOldAndNewSecretsForTheOverlapThenOnlyTheNew() {
        WebhookStore store = store();
        IssuedWebhookSecret first = store.add(tiktok, "https://t.example/hook", Set.of(WebhookEvent.ALERTS), false);

        clock.advance(Duration.ofHours(1));
        IssuedWebhookSecret second = store.rotate(first.endpoint().endpointId(), Duration.ofHours(24));

        WebhookEndpoint rotated = store.find(first.endpoint().endpointId()).orElseThrow();
        assertThat(rotated.signingSecrets(clock.instant())).extracting(WebhookSecret::secretId)
                .containsExactly(second.secret().secretId(), first.secret().secretId());
        clock.advance(Duration.ofHours(24));
        assertThat(rotated.signingSecrets(clock.instant())).extracting(WebhookSecret::secretId)
                .containsExactly(second.secret().secretId());
        IssuedWebhookSecret third = store.rotate(first.endpoint().endpointId(), Duration.ZERO);
        assertThat(store.find(first.endpoint().endpointId()).orElseThrow().secrets()).as("ended secrets are dropped; "
                + "a zero overlap ends the others at once").extracting(WebhookSecret::secretId)
                .containsExactly(third.secret().secretId());
        assertThatThrownBy(() -> store.rotate(first.endpoint().endpointId(), Duration.ofDays(31)))
                .isInstanceOf(AccessException.class).hasMessageContaining("between 0 and 30 days");
    }

    @Test
    void shouldListByOwnerAndRemove() {
        WebhookStore store = store();
        WebhookEndpoint a = store.add(tiktok, "https://t.example/a", Set.of(WebhookEvent.ALERTS), false).endpoint();
        WebhookEndpoint b = store.add(indonesia, "https://i.example/b", List.of(WebhookEvent.SIGNALS, WebhookEvent.ALERTS), false)
                .endpoint();

        assertThat(store.list(Optional.of(tiktok))).containsExactly(a);
        assertThat(store.list(Optional.empty())).containsExactlyInAnyOrder(a, b);
        assertThat(b.events()).containsExactly(WebhookEvent.ALERTS, WebhookEvent.SIGNALS);
        assertThat(store.remove(a.endpointId())).isEqualTo(a);
        assertThat(store.active()).containsExactly(b);
        assertThatThrownBy(() -> store.remove(a.endpointId())).isInstanceOf(AccessException.class)
                .hasMessageContaining("no webhook endpoint with id '" + a.endpointId() + "'");
    }

    @Test
    void shouldRefuseAFileOthersCanRead() throws Exception {
        WebhookStore store = store();
        store.add(tiktok, "https://t.example/a", Set.of(WebhookEvent.ALERTS), false);
        Files.setPosixFilePermissions(dir.resolve(WebhookStore.FILE_NAME), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(store::active).isInstanceOf(AccessStoreException.class).hasMessageContaining("chmod 600");
    }
}
