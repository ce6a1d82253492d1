package org.lurewatch.access;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Analyst accounts in {@code <access.dir>/accounts.json} (format in docs/identity.md). The CLI adds, disables,
 * enables and resets them; running instances read the same file and see a change at their next request.
 */
public final class AccountStore {
    public static final String FILE_NAME = "accounts.json";
    /** The shortest password an analyst may choose; one-time passwords are longer. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final int MAX_PASSWORD_LENGTH = 256;

    private final CredentialFile<AccountsDocument> file;
    private final Identities identities;
    private final PasswordHasher hasher;
    private final Clock clock;

    public AccountStore(Path accessDir, Identities identities, PasswordHasher hasher, Clock clock) {
        this.file = new CredentialFile<>(accessDir.resolve(FILE_NAME), AccountsDocument.class, AccountsDocument::empty);
        this.identities = Objects.requireNonNull(identities, "identities");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path path() {
        return file.path();
    }

    /** Every account, by hotline then username. */
    public List<AnalystAccount> list() {
        return file.read().accounts().stream()
                .sorted(Comparator.comparing(AnalystAccount::hotline).thenComparing(AnalystAccount::username))
                .toList();
    }

    public Optional<AnalystAccount> find(String username) {
        return file.read().accounts().stream().filter(a -> a.username().equals(username)).findFirst();
    }

    /**
     * A new active account for a hotline the routes declare, with a one-time password it must change at the first
     * login.
     */
    public NewPassword add(String username, String hotline) {
        identities.analyst(username, hotline);
        char[] password = Secrets.oneTimePassword();
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        AnalystAccount account = new AnalystAccount(username, hotline, hash, AnalystAccount.Status.ACTIVE, true, 1, now, now);
        file.update(document -> {
            if (document.accounts().stream().anyMatch(a -> a.username().equals(username))) {
                throw new AccessException("account '" + username + "' exists already; use `accounts reset " + username
                        + "` for a new password");
            }
            List<AnalystAccount> accounts = new ArrayList<>(document.accounts());
            accounts.add(account);
            return new AccountsDocument(document.format(), document.version(), accounts);
        });
        return new NewPassword(account, password);
    }

    /** Stops the account from logging in; its sessions end at their next request. */
    public AnalystAccount disable(String username) {
        return change(username, a -> a.with(a.passwordHash(), AnalystAccount.Status.DISABLED, a.mustChangePassword(), clock.instant()));
    }

    /** Lets a disabled account log in again with its password as it was. */
    public AnalystAccount enable(String username) {
        return change(username, a -> a.with(a.passwordHash(), AnalystAccount.Status.ACTIVE, a.mustChangePassword(), clock.instant()));
    }

    /**
     * A new one-time password; the old password and every session stop working. A disabled account stays disabled
     * (enable it separately).
     */
    public NewPassword reset(String username) {
        char[] password = Secrets.oneTimePassword();
        String hash = hasher.hash(password);
        AnalystAccount account = change(username, a -> a.with(hash, a.status(), true, clock.instant()));
        return new NewPassword(account, password);
    }

    /** The analyst's own new password (the console's "change password"); ends the other sessions. */
    public AnalystAccount changePassword(String username, char[] newPassword) {
        if (newPassword.length < MIN_PASSWORD_LENGTH || newPassword.length > MAX_PASSWORD_LENGTH) {
            throw new AccessException("a password needs " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters");
        }
        String hash = hasher.hash(newPassword);
        return change(username, a -> a.with(hash, a.status(), false, clock.instant()));
    }

    /**
     * The analyst behind a username and password, if the account exists, is active, its hotline is still in the
     * routes and the password matches. Takes the time of one hash check whatever the outcome.
     */
    public Optional<Verified> verify(String username, char[] password) {
        Optional<AnalystAccount> account = username == null ? Optional.empty() : find(username);
        if (account.isEmpty()) {
            hasher.verifyNothing(password);
            return Optional.empty();
        }
        AnalystAccount found = account.get();
        boolean matches = hasher.verify(password, found.passwordHash());
        if (!matches || !found.active() || identities.hotline(found.hotline()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Verified(found, identities.analyst(found.username(), found.hotline())));
    }

    /**
     * The account as it is now, if it may still act: active, same credential version, hotline in the routes. Sessions
     * call this on every request.
     */
    public Optional<AnalystAccount> current(String username, int credentialVersion) {
        return find(username).filter(AnalystAccount::active)
                .filter(a -> a.credentialVersion() == credentialVersion)
                .filter(a -> identities.hotline(a.hotline()).isPresent());
    }

    /** A successful password check: the account and the principal it acts as. */
    public record Verified(AnalystAccount account, Principal principal) {
    }

    private AnalystAccount change(String username, UnaryOperator<AnalystAccount> change) {
        AnalystAccount[] changed = new AnalystAccount[1];
        file.update(document -> {
            List<AnalystAccount> accounts = new ArrayList<>();
            for (AnalystAccount account : document.accounts()) {
                if (account.username().equals(username)) {
                    changed[0] = change.apply(account);
                    accounts.add(changed[0]);
                } else {
                    accounts.add(account);
                }
            }
            if (changed[0] == null) {
                throw new AccessException("no account '" + username + "'; `accounts list` shows them");
            }
            return new AccountsDocument(document.format(), document.version(), accounts);
        });
        return changed[0];
    }
}
