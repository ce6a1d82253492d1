package org.lurewatch.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountStoreTest {
    @TempDir
    Path dir;

    private final AccessFixtures.MovableClock clock = new AccessFixtures.MovableClock();

    private AccountStore store() {
        return AccessFixtures.accounts(dir.resolve("access"), clock);
    }

    @Test
    void shouldAddAnAccountWithAOneTimePasswordThatVerifies() {
        AccountStore store = store();

        NewPassword created = store.add("ana", "indonesia");

        assertThat(created.password()).hasSize(20);
        assertThat(created.account()).satisfies(a -> {
            assertThat(a.hotline()).isEqualTo("indonesia");
            assertThat(a.active()).isTrue();
            assertThat(a.mustChangePassword()).isTrue();
        });
        AccountStore.Verified verified = store.verify("ana", created.password()).orElseThrow();
        assertThat(verified.principal().name()).isEqualTo("analyst:ana");
        assertThat(verified.principal().hotline()).hasValue("indonesia");
    }

    @Test
    void shouldStoreOnlyAHashInAnOwnerOnlyFile() throws Exception {
        NewPassword created = store().add("ana", "indonesia");

        Path file = dir.resolve("access/accounts.json");
        String content = Files.readString(file);
        assertThat(content).contains("\"format\" : \"lurewatch-accounts\"").contains("$argon2id$")
                .doesNotContain(new String(created.password()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void shouldRejectWrongPasswordsUnknownUsersAndDisabledAccountsAlike() {
        AccountStore store = store();
        NewPassword created = store.add("ana", "indonesia");

        assertThat(store.verify("ana", "wrong".toCharArray())).isEmpty();
        assertThat(store.verify("nobody", created.password())).isEmpty();
        assertThat(store.verify(null, created.password())).isEmpty();
        store.disable("ana");
        assertThat(store.verify("ana", created.password())).isEmpty();
        store.enable("ana");
        assertThat(store.verify("ana", created.password())).isPresent();
    }

    @Test
    void shouldRefuseAnUnknownHotlineABadUsernameAndADuplicate() {
        AccountStore store = store();
        store.add("ana", "indonesia");

        assertThatThrownBy(() -> store.add("bo", "atlantis")).isInstanceOf(AccessException.class)
                .hasMessageStartingWith("unknown hotline 'atlantis'; the routes declare: indonesia,");
        assertThatThrownBy(() -> store.add("Bo!", "indonesia")).isInstanceOf(AccessException.class)
                .hasMessageContaining("bad username");
        assertThatThrownBy(() -> store.add("ana", "vietnam")).isInstanceOf(AccessException.class)
                .hasMessage("account 'ana' exists already; use `accounts reset ana` for a new password");
        assertThatThrownBy(() -> store.disable("nobody")).isInstanceOf(AccessException.class)
                .hasMessage("no account 'nobody'; `accounts list` shows them");
        assertThat(store.list()).extracting(AnalystAccount::username).containsExactly("ana");
    }

    @Test
    void shouldReplaceThePasswordOnResetAndMoveTheCredentialVersion() {
        AccountStore store = store();
        NewPassword created = store.add("ana", "indonesia");

        NewPassword reset = store.reset("ana");

        assertThat(store.verify("ana", created.password())).isEmpty();
        assertThat(store.verify("ana", reset.password())).isPresent();
        assertThat(reset.account().credentialVersion()).isEqualTo(created.account().credentialVersion() + 1);
        assertThat(store.current("ana", created.account().credentialVersion())).isEmpty();
        assertThat(store.current("ana", reset.account().credentialVersion())).isPresent();
    }

    @Test
    void shouldLetAnAnalystChooseAPasswordOfTwelveCharactersOrMore() {
        AccountStore store = store();
        store.add("ana", "indonesia");

        assertThatThrownBy(() -> store.changePassword("ana", "short".toCharArray())).isInstanceOf(AccessException.class)
                .hasMessageContaining("12 to 256 characters");
        AnalystAccount changed = store.changePassword("ana", "a long enough passphrase".toCharArray());

        assertThat(changed.mustChangePassword()).isFalse();
        assertThat(store.verify("ana", "a long enough passphrase".toCharArray())).isPresent();
    }

    @Test
    void shouldSeeAChangeMadeByAnotherProcessAtTheNextRead() {
        AccountStore running = store();
        AccountStore cli = store();
        NewPassword created = cli.add("ana", "indonesia");
        assertThat(running.verify("ana", created.password())).isPresent();

        cli.disable("ana");

        assertThat(running.verify("ana", created.password())).isEmpty();
        assertThat(running.find("ana").orElseThrow().active()).isFalse();
    }

    @Test
    void shouldRefuseACorruptFileWithItsPathAndReason() throws Exception {
        AccountStore store = store();
        store.add("ana", "indonesia");
        Path file = store.path();
        Files.writeString(file, "{\"format\": \"lurewatch-accounts\", \"version\": 1, \"accounts\": [ {\"username\": ");

        assertThatThrownBy(() -> store.verify("ana", "x".toCharArray()))
                .isInstanceOf(AccessStoreException.class)
                .hasMessageStartingWith(file + " is corrupt and was not used: ")
                .hasMessageContaining("restore it from a backup");
        assertThatThrownBy(() -> store.add("bo", "indonesia")).as("no write over a corrupt file")
                .isInstanceOf(AccessStoreException.class);
    }

    @Test
    void shouldRefuseAFileWithAnotherFormatOrAnUnknownField() throws Exception {
        AccountStore store = store();
        store.add("ana", "indonesia");
        String good = Files.readString(store.path());

        Files.writeString(store.path(), good.replace("lurewatch-accounts", "lurewatch-api-keys"));
        assertThatThrownBy(store::list).isInstanceOf(AccessStoreException.class).hasMessageContaining("'format' must be");

        Files.writeString(store.path(), good.replace("\"hotline\"", "\"is_admin\" : true, \"hotline\""));
        assertThatThrownBy(store::list).isInstanceOf(AccessStoreException.class).hasMessageContaining("is_admin");

        Files.writeString(store.path(), good.replaceAll("\\$argon2id\\$[^\"]+", "plaintext"));
        assertThatThrownBy(store::list).isInstanceOf(AccessStoreException.class)
                .hasMessageContaining("no valid Argon2id password hash");
    }

    @Test
    void shouldRefuseAFileOthersCanRead() throws Exception {
        AccountStore store = store();
        store.add("ana", "indonesia");
        Files.setPosixFilePermissions(store.path(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(store::list).isInstanceOf(AccessStoreException.class)
                .hasMessage(store.path() + " is open to other users (rw-r--r--) and was not used; it holds credentials: "
                        + "run `chmod 600 " + store.path() + "`");
    }

    @Test
    void shouldBeEmptyWhileNoFileExists() {
        assertThat(store().list()).isEmpty();
        assertThat(Files.exists(dir.resolve("access"))).as("reading creates nothing").isFalse();
    }

    @Test
    void shouldNeverShowAReaderAHalfWrittenFileWhileAnotherWriterChangesIt() throws Exception {
        AccountStore writer = store();
        for (int i = 0; i < 5; i++) {
            writer.add("analyst-" + i, "indonesia");
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                AccountStore reader = store();
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    while (writing.get() || reads == 0) {
                        assertThat(reader.list()).hasSize(5);
                        reads++;
                    }
                    return reads;
                }));
            }
            Future<?> toggles = pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    if (i % 2 == 0) {
                        writer.disable("analyst-" + (i % 5));
                    } else {
                        writer.enable("analyst-" + (i % 5));
                    }
                }
                writer.disable("analyst-4");
                writing.set(false);
            });
            toggles.get(60, TimeUnit.SECONDS);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        assertThat(store().find("analyst-4").orElseThrow().active()).isFalse();
    }

    @Test
    void shouldLoseNoChangeWhenTwoWritersAddAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> adds = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                AccountStore writer = store();
                int first = w * 10;
                adds.add(pool.submit(() -> {
                    for (int i = first; i < first + 10; i++) {
                        writer.add("analyst-" + i, "vietnam");
                    }
                }));
            }
            for (Future<?> add : adds) {
                add.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store().list()).hasSize(20);
    }
}
