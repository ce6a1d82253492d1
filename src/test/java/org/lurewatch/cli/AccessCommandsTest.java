package org.lurewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lurewatch.access.AccountStore;
import org.lurewatch.access.ApiKeyStore;
import org.lurewatch.access.Identities;
import org.lurewatch.access.PasswordHasher;
import org.lurewatch.alert.RoutesLoader;
import picocli.CommandLine;

/** {@code lurewatch accounts} and {@code lurewatch apikeys} end to end, as an operator types them. */
class AccessCommandsTest {
    private static final Pattern PASSWORD = Pattern.compile("one-time password \\(shown once; to be changed at the first login\\): (\\S+)");
    private static final Pattern KEY = Pattern.compile("API key \\(shown once; send it as 'Authorization: Bearer <key>'\\): (\\S+)");

    @TempDir
    Path dir;

    private final Identities identities = Identities.of(RoutesLoader.loadBundled());

    private CliRun lurewatch(String... args) {
        return CliRun.of(dir, args);
    }

    private AccountStore accounts() {
        return new AccountStore(dir.resolve("access"), identities, new PasswordHasher(), Clock.systemUTC());
    }

    @Test
    void shouldAddAnAnalystWhosePrintedPasswordLogsIn() {
        CliRun add = lurewatch("accounts", "add", "ana", "--hotline", "indonesia");

        assertThat(add.code()).isZero();
        assertThat(add.err()).isEmpty();
        assertThat(add.out()).startsWith("added analyst 'ana' for hotline 'indonesia' in ");
        Matcher password = PASSWORD.matcher(add.out());
        assertThat(password.find()).isTrue();
        assertThat(accounts().verify("ana", password.group(1).toCharArray())).isPresent();
        CliRun list = lurewatch("accounts", "list");
        assertThat(list.out()).contains("USERNAME").containsPattern("ana\\s+indonesia\\s+active\\s+yes");
        assertThat(list.out()).doesNotContain(password.group(1)).doesNotContain("argon2");
    }

    @Test
    void shouldDisableEnableAndResetAnAccount() {
        String first = password(lurewatch("accounts", "add", "ana", "--hotline", "vietnam"));

        assertThat(lurewatch("accounts", "disable", "ana").out()).isEqualTo("disabled 'ana'; its sessions have ended\n");
        assertThat(accounts().verify("ana", first.toCharArray())).isEmpty();
        assertThat(lurewatch("accounts", "list", "--json").out()).contains("\"status\":\"disabled\"");
        CliRun reset = lurewatch("accounts", "reset", "ana");
        assertThat(reset.out()).contains("(the account is still disabled: `accounts enable` it)");
        String second = password(reset);
        assertThat(lurewatch("accounts", "enable", "ana").code()).isZero();
        assertThat(accounts().verify("ana", first.toCharArray())).isEmpty();
        assertThat(accounts().verify("ana", second.toCharArray())).isPresent();
    }

    @Test
    void shouldAnswerBadInputWithOneLineAndExitCode2() {
        lurewatch("accounts", "add", "ana", "--hotline", "indonesia");

        CliRun unknownHotline = lurewatch("accounts", "add", "bo", "--hotline", "atlantis");
        assertThat(unknownHotline.code()).isEqualTo(2);
        assertThat(unknownHotline.err()).startsWith("lurewatch accounts add: unknown hotline 'atlantis'; the routes declare: ")
                .hasLineCount(1);
        CliRun duplicate = lurewatch("accounts", "add", "ana", "--hotline", "indonesia");
        assertThat(duplicate.code()).isEqualTo(2);
        assertThat(duplicate.err()).isEqualTo("lurewatch accounts add: account 'ana' exists already; use `accounts reset ana` "
                + "for a new password\n");
        CliRun missing = lurewatch("accounts", "disable", "nobody");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("lurewatch accounts disable: no account 'nobody'; `accounts list` shows them\n");
        CliRun noHotline = lurewatch("accounts", "add", "cy");
        assertThat(noHotline.code()).isEqualTo(2);
        assertThat(noHotline.err()).contains("Missing required option: '--hotline=ID'");
        CliRun badKey = lurewatch("apikeys", "create", "--partner", "tiktok", "--set", "acces.dir=x");
        assertThat(badKey.code()).isEqualTo(2);
        assertThat(badKey.err()).contains("unknown config key 'acces.dir'").contains("did you mean 'access.dir'?");
    }

    @Test
    void shouldExitWith1AndNameTheFileWhenTheStoreIsCorrupt() throws Exception {
        Files.createDirectories(dir.resolve("access"));
        Path file = dir.resolve("access").resolve(AccountStore.FILE_NAME);
        Files.writeString(file, "not json");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        CliRun list = lurewatch("accounts", "list");

        assertThat(list.code()).isEqualTo(1);
        assertThat(list.err()).startsWith("lurewatch accounts list: " + file.toAbsolutePath() + " is corrupt and was not used:")
                .hasLineCount(1);
    }

    @Test
    void shouldCreateRotateListAndRevokePartnerKeys() {
        CliRun create = lurewatch("apikeys", "create", "--partner", "tiktok");
        assertThat(create.code()).isZero();
        String first = key(create);
        ApiKeyStore keys = new ApiKeyStore(dir.resolve("access"), identities, Clock.systemUTC());
        assertThat(keys.verify(first)).hasValue(identities.requirePartner("tiktok"));

        CliRun rotate = lurewatch("apikeys", "rotate", "--partner", "tiktok", "--overlap", "2h");
        String second = key(rotate);
        assertThat(rotate.out()).contains("the partner's older keys stop at ");
        assertThat(keys.verify(first)).isPresent();
        assertThat(keys.verify(second)).isPresent();

        CliRun list = lurewatch("apikeys", "list", "--partner", "tiktok");
        String firstId = ApiKeyStore.keyIdOf(first).orElseThrow();
        assertThat(list.out()).containsPattern(firstId + "\\s+tiktok\\s+expiring").doesNotContain(first).doesNotContain(second);

        CliRun revoke = lurewatch("apikeys", "revoke", firstId);
        assertThat(revoke.out()).isEqualTo("revoked key " + firstId + " of partner 'tiktok'\n");
        assertThat(keys.verify(first)).isEmpty();
        assertThat(keys.verify(second)).isPresent();
        assertThat(lurewatch("apikeys", "list", "--json").out()).contains("\"state\":\"revoked\"");

        CliRun badOverlap = lurewatch("apikeys", "rotate", "--partner", "tiktok", "--overlap", "soon");
        assertThat(badOverlap.code()).isEqualTo(2);
        assertThat(badOverlap.err()).contains("'soon' is not a duration; use 0, 90m, 24h or 7d");
        assertThat(lurewatch("apikeys", "create", "--partner", "indonesia").err())
                .startsWith("lurewatch apikeys create: unknown partner 'indonesia'; the routes declare: facebook,");
    }

    @Test
    void shouldAuditEveryChangeWithoutSecrets() throws Exception {
        String password = password(lurewatch("accounts", "add", "ana", "--hotline", "indonesia"));
        String key = key(lurewatch("apikeys", "create", "--partner", "x"));
        lurewatch("accounts", "disable", "ana");

        List<String> lines = Files.readAllLines(dir.resolve("audit.jsonl"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"action\":\"account.add\"", "\"object\":\"account:ana\"", "\"via\":\"cli\"",
                "\"actor\":\"cli:");
        assertThat(lines.get(1)).contains("\"object\":\"apikey:" + ApiKeyStore.keyIdOf(key).orElseThrow() + "\"");
        assertThat(String.join("\n", lines)).doesNotContain(password).doesNotContain(key);
    }

    @Test
    void shouldDocumentEverySubcommand() {
        for (String[] help : List.of(new String[] {"accounts", "--help"}, new String[] {"accounts", "add", "--help"},
                new String[] {"apikeys", "rotate", "--help"}, new String[] {"webhooks", "--help"},
                new String[] {"webhooks", "redeliver", "--help"})) {
            StringWriter out = new StringWriter();
            CommandLine commandLine = Lurewatch.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            assertThat(commandLine.execute(help)).isZero();
            assertThat(out.toString()).startsWith("Usage: lurewatch " + help[0]);
        }
    }

    private static String password(CliRun run) {
        Matcher m = PASSWORD.matcher(run.out());
        assertThat(m.find()).as(run.out() + run.err()).isTrue();
        return m.group(1);
    }

    private static String key(CliRun run) {
        Matcher m = KEY.matcher(run.out());
        assertThat(m.find()).as(run.out() + run.err()).isTrue();
        return m.group(1);
    }
}
