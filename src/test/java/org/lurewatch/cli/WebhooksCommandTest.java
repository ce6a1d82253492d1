package org.lurewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.access.Identities;
import org.lurewatch.access.WebhookEndpoint;
import org.lurewatch.access.WebhookSecret;
import org.lurewatch.access.WebhookStore;
import org.lurewatch.alert.RoutesLoader;

/** {@code lurewatch webhooks} as an operator types it. */
class WebhooksCommandTest {
    private static final Pattern ADDED = Pattern.compile("added endpoint ([a-z0-9]{10}) for (\\S+): (\\S+) \\((\\S+)\\)");
    private static final Pattern SECRET = Pattern.compile("signing secret \\(shown once; the receiver verifies "
            + "webhook-signature with it\\): (whsec_\\S+)");

    @TempDir
    Path dir;

    private CliRun lurewatch(String... args) {
        return CliRun.of(dir, args);
    }

    private WebhookStore store() {
        return new WebhookStore(dir.resolve("access"), Identities.of(RoutesLoader.loadBundled()), Clock.systemUTC());
    }

    @Test
    void shouldAddAnEndpointAndPrintItsSecretOnce() throws Exception {
        CliRun add = lurewatch("webhooks", "add", "--hotline", "indonesia", "--url", "https://hotline.example/lurewatch",
                "--events", "alerts,signals");

        assertThat(add.code()).as(add.err()).isZero();
        Matcher added = ADDED.matcher(add.out());
        assertThat(added.find()).as(add.out()).isTrue();
        assertThat(added.group(2)).isEqualTo("hotline:indonesia");
        assertThat(added.group(4)).isEqualTo("alerts,signals");
        Matcher secret = SECRET.matcher(add.out());
        assertThat(secret.find()).isTrue();
        WebhookEndpoint stored = store().find(added.group(1)).orElseThrow();
        assertThat(stored.secrets()).extracting(WebhookSecret::secret).containsExactly(secret.group(1));

        CliRun list = lurewatch("webhooks", "list");
        assertThat(list.out()).contains("ENDPOINT").containsPattern(added.group(1) + "\\s+hotline:indonesia\\s+alerts,signals")
                .doesNotContain("whsec_");
        assertThat(lurewatch("webhooks", "list", "--json").out()).contains("\"owner\":\"hotline:indonesia\"").doesNotContain("whsec_");
        assertThat(Files.readString(dir.resolve("audit.jsonl"))).contains("\"action\":\"webhook.add\"",
                "\"object\":\"webhook:" + added.group(1) + "\"").doesNotContain("whsec_");
    }

    @Test
    void shouldRotateWithAnOverlapAndRemove() {
        String id = endpointOf(lurewatch("webhooks", "add", "--partner", "tiktok", "--url", "https://t.example/hook"));

        CliRun rotate = lurewatch("webhooks", "rotate", id, "--overlap", "2h");
        assertThat(rotate.code()).isZero();
        assertThat(rotate.out()).startsWith("rotated the secret of endpoint " + id + " (partner:tiktok)").contains("older secrets stop signing at");
        assertThat(store().find(id).orElseThrow().signingSecrets(java.time.Instant.now())).hasSize(2);

        CliRun remove = lurewatch("webhooks", "remove", id);
        assertThat(remove.out()).isEqualTo("removed endpoint " + id + " of partner:tiktok (https://t.example/hook)\n");
        assertThat(store().list(Optional.empty())).isEmpty();
    }

    @Test
    void shouldExplainBadInputInOneLineWithExitCodeTwo() {
        CliRun http = lurewatch("webhooks", "add", "--partner", "tiktok", "--url", "http://t.example/hook");
        CliRun unknown = lurewatch("webhooks", "add", "--hotline", "atlantis", "--url", "https://a.example/");
        CliRun events = lurewatch("webhooks", "add", "--hotline", "indonesia", "--url", "https://a.example/", "--events", "everything");
        CliRun both = lurewatch("webhooks", "add", "--hotline", "indonesia", "--partner", "tiktok", "--url", "https://a.example/");
        CliRun missing = lurewatch("webhooks", "remove", "zzzzzzzzzz");

        assertThat(http.code()).isEqualTo(2);
        assertThat(http.err()).startsWith("lurewatch webhooks add: 'http://t.example/hook' is plain http").contains("--allow-http");
        assertThat(unknown.err()).startsWith("lurewatch webhooks add: unknown hotline 'atlantis'");
        assertThat(events.err()).contains("--events: unknown webhook event 'everything', expected alerts or signals");
        assertThat(both.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("lurewatch webhooks remove: no webhook endpoint with id 'zzzzzzzzzz'; "
                + "`webhooks list` shows them\n");
        assertThat(lurewatch("webhooks", "add", "--partner", "tiktok", "--url", "http://127.0.0.1:8000/hook", "--allow-http")
                .code()).isZero();
    }

    private static String endpointOf(CliRun add) {
        Matcher added = ADDED.matcher(add.out());
        assertThat(added.find()).as(add.out() + add.err()).isTrue();
        return added.group(1);
    }
}
