package org.lurewatch.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.lurewatch.access.Access;
import org.lurewatch.access.AnalystAccount;
import org.lurewatch.access.NewPassword;
import org.lurewatch.kafka.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lurewatch accounts}: console accounts of hotline analysts, in {@code <access.dir>/accounts.json}. */
@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = {"Console accounts of hotline analysts, each tied to one hotline of the routes.",
                "Stored in <access.dir>/accounts.json (Argon2id hashes, owner-only); running instances see changes "
                        + "at their next request.",
                "Exit codes: 0 done, 2 bad input (unknown hotline, no such account, ...), 1 the file cannot be read or written."},
        subcommands = {AccountsCommand.Add.class, AccountsCommand.ListAccounts.class, AccountsCommand.Disable.class,
                AccountsCommand.Enable.class, AccountsCommand.Reset.class})
final class AccountsCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an analyst account for one hotline and print its one-time password (once).")
    static final class Add extends AccessSubcommand {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "Lower-case letters, digits and '-'.")
        String username;
        @Option(names = "--hotline", required = true, paramLabel = "ID", description = "The hotline (an id in the routes).")
        String hotline;

        @Override
        int run(Access access, PrintWriter out) {
            NewPassword created = access.accounts().add(username, hotline);
            audit(access, "account.add", "account:" + username);
            out.printf(Locale.ROOT, "added analyst '%s' for hotline '%s' in %s%n", username, hotline,
                    access.accounts().path());
            printPassword(out, created);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts (never a password or hash).")
    static final class ListAccounts extends AccessSubcommand {
        @Option(names = "--json", description = "One JSON object per line.")
        boolean json;

        @Override
        int run(Access access, PrintWriter out) {
            List<AnalystAccount> accounts = access.accounts().list();
            if (json) {
                accounts.forEach(a -> out.println(Json.mapper().createObjectNode().put("username", a.username())
                        .put("hotline", a.hotline()).put("status", status(a))
                        .put("must_change_password", a.mustChangePassword())
                        .put("created_at", a.createdAt().toString()).put("updated_at", a.updatedAt().toString())));
                return 0;
            }
            if (accounts.isEmpty()) {
                out.println("no accounts in " + access.accounts().path() + "; add one with `lurewatch accounts add "
                        + "USERNAME --hotline ID`");
                return 0;
            }
            out.printf(Locale.ROOT, "%-24s %-16s %-9s %-12s %s%n", "USERNAME", "HOTLINE", "STATUS", "MUST-CHANGE", "UPDATED");
            for (AnalystAccount a : accounts) {
                out.printf(Locale.ROOT, "%-24s %-16s %-9s %-12s %s%n", a.username(), a.hotline(), status(a),
                        a.mustChangePassword() ? "yes" : "no",
                        DateTimeFormatter.ISO_INSTANT.format(a.updatedAt().truncatedTo(ChronoUnit.SECONDS)));
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Stop an account from logging in; its sessions end at their next request, on every instance.")
    static final class Disable extends OneAccount {
        @Override
        int run(Access access, PrintWriter out) {
            access.accounts().disable(username);
            audit(access, "account.disable", "account:" + username);
            out.printf(Locale.ROOT, "disabled '%s'; its sessions have ended%n", username);
            return 0;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled account log in again.")
    static final class Enable extends OneAccount {
        @Override
        int run(Access access, PrintWriter out) {
            access.accounts().enable(username);
            audit(access, "account.enable", "account:" + username);
            out.printf(Locale.ROOT, "enabled '%s'%n", username);
            return 0;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Give an account a new one-time password (printed once); the old one and its sessions stop working.")
    static final class Reset extends OneAccount {
        @Override
        int run(Access access, PrintWriter out) {
            NewPassword reset = access.accounts().reset(username);
            audit(access, "account.reset", "account:" + username);
            out.printf(Locale.ROOT, "reset '%s'; its sessions have ended%s%n", username,
                    reset.account().active() ? "" : " (the account is still disabled: `accounts enable` it)");
            printPassword(out, reset);
            return 0;
        }
    }

    /** A subcommand about one existing account, named by its username. */
    abstract static class OneAccount extends AccessSubcommand {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "The account, as `accounts list` shows it.")
        String username;
    }

    private static void printPassword(PrintWriter out, NewPassword password) {
        char[] chars = password.password();
        try {
            out.print("one-time password (shown once; to be changed at the first login): ");
            out.println(chars);
            out.flush();
        } finally {
            java.util.Arrays.fill(chars, '\0');
            password.clear();
        }
    }

    private static String status(AnalystAccount account) {
        return account.status().name().toLowerCase(Locale.ROOT);
    }

}
