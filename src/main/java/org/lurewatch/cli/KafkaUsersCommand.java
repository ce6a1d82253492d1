package org.lurewatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.lurewatch.access.Identities;
import org.lurewatch.access.KafkaUsers;
import org.lurewatch.access.Principal;
import org.lurewatch.kafka.BrokerSecurity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lurewatch kafka-users}: the SCRAM users of the app, the feeds, hotlines and partners, via the Admin API. */
@Command(name = "kafka-users", mixinStandardHelpOptions = true,
        description = {"SCRAM users on the Kafka cluster for the principals of the routes: lurewatch-app, "
                + "lurewatch-feeds, hotline-<id>, partner-<id>. Passwords are generated, printed once or written to "
                + "--password-dir/<user>.password (owner-only); the broker keeps only salted hashes.",
                "Run as the operator (sasl.username=lurewatch-admin, sasl.mechanism=PLAIN, sasl.password.file).",
                "Exit codes: 0 done, 2 bad input (an unknown user), 1 the cluster cannot be reached or refused."},
        subcommands = {KafkaUsersCommand.Create.class, KafkaUsersCommand.Rotate.class, KafkaUsersCommand.Delete.class,
                KafkaUsersCommand.ListUsers.class})
final class KafkaUsersCommand extends CommandGroup {

    /** The flags of the subcommands that set passwords. */
    static final class PasswordOptions {
        @Option(names = "--password-dir", paramLabel = "DIR", description = "Write each password to DIR/<user>.password "
                + "(owner-only) instead of printing it; create reuses a password already there, so it can run again.")
        Path passwordDir;

        @Option(names = "--mechanism", paramLabel = "SCRAM-SHA-512|SCRAM-SHA-256", defaultValue = "SCRAM-SHA-512",
                description = "Which SCRAM credential to set (default ${DEFAULT-VALUE}).")
        String mechanism;
    }

    /** Create and rotate: set a password for each chosen user. */
    abstract static class SetPasswords implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ClusterOptions cluster;
        @Mixin
        PasswordOptions passwords;
        @Parameters(paramLabel = "USER", arity = "0..*", description = "Kafka users, e.g. lurewatch-app partner-tiktok.")
        List<String> users = new ArrayList<>();

        /** Whether a password already in --password-dir is kept (create) or replaced (rotate). */
        abstract boolean reuse();

        abstract boolean all();

        @Override
        public Integer call() {
            List<String> chosen = chosen(cluster.identities(), users, all());
            try (Admin admin = cluster.admin()) {
                for (String user : chosen) {
                    set(admin, user, passwords, reuse(), spec.commandLine().getOut());
                }
            }
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create the users (or all with --all) with a generated password each.")
    static final class Create extends SetPasswords {
        @Option(names = "--all", description = "Every principal of the routes except the operator.")
        boolean all;

        @Override
        boolean reuse() {
            return true;
        }

        @Override
        boolean all() {
            return all;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Give users a new generated password. Connections already open stay; new ones need the new "
                    + "password. For no gap at all, set the other mechanism (--mechanism SCRAM-SHA-256), move the "
                    + "client to it, then delete the old one (see README)."})
    static final class Rotate extends SetPasswords {
        @Override
        boolean reuse() {
            return false;
        }

        @Override
        boolean all() {
            return false;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete one SCRAM credential of users.")
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ClusterOptions cluster;
        @Option(names = "--mechanism", paramLabel = "SCRAM-SHA-512|SCRAM-SHA-256", defaultValue = "SCRAM-SHA-512",
                description = "Which credential to delete (default ${DEFAULT-VALUE}).")
        String mechanism;
        @Parameters(paramLabel = "USER", arity = "1..*", description = "Kafka users.")
        List<String> users = new ArrayList<>();

        @Override
        public Integer call() {
            List<String> chosen = chosen(cluster.identities(), users, false);
            try (Admin admin = cluster.admin()) {
                for (String user : chosen) {
                    KafkaUsers.delete(admin, user, mechanism(mechanism));
                    spec.commandLine().getOut().println(user + " " + mechanism + " deleted");
                }
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every principal of the routes and its SCRAM mechanisms on the cluster (never a password).")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ClusterOptions cluster;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Admin admin = cluster.admin()) {
                Map<String, List<String>> onBroker = KafkaUsers.list(admin);
                for (String user : managedUsers(cluster.identities())) {
                    List<String> mechanisms = onBroker.getOrDefault(user, List.of());
                    out.printf(Locale.ROOT, "%-32s %s%n", user, mechanisms.isEmpty() ? "(no credential)" : String.join(",", mechanisms));
                }
                onBroker.keySet().stream().filter(user -> !managedUsers(cluster.identities()).contains(user))
                        .forEach(user -> out.printf(Locale.ROOT, "%-32s %s (not a principal of the routes)%n", user,
                                String.join(",", onBroker.get(user))));
            }
            out.flush();
            return 0;
        }
    }

    /** The Kafka users Lurewatch manages: every principal with a Kafka identity except the operator (PLAIN). */
    static List<String> managedUsers(Identities identities) {
        return identities.kafkaPrincipals().stream().filter(p -> !identities.superUsers().contains(p))
                .map(Principal::kafkaUser).map(user -> user.orElseThrow()).toList();
    }

    private static List<String> chosen(Identities identities, List<String> users, boolean all) {
        List<String> known = managedUsers(identities);
        if (all) {
            return known;
        }
        if (users.isEmpty()) {
            throw new UserFacingException("name at least one user, or --all; known users: " + String.join(", ", known));
        }
        for (String user : users) {
            if (!known.contains(user)) {
                throw new UserFacingException("unknown Kafka user '" + user + "'; the routes declare: " + String.join(", ", known));
            }
        }
        return List.copyOf(users);
    }

    private static void set(Admin admin, String user, PasswordOptions options, boolean reuse, PrintWriter out) {
        ScramMechanism mechanism = mechanism(options.mechanism);
        if (options.passwordDir == null) {
            String password = BrokerSecurity.randomPassword();
            KafkaUsers.upsert(admin, user, mechanism, password);
            out.println(user + " " + password);
        } else {
            Path file = options.passwordDir.resolve(user + ".password");
            String password = reuse && Files.isReadable(file) ? read(file) : BrokerSecurity.randomPassword();
            KafkaUsers.upsert(admin, user, mechanism, password);
            write(file, password);
            out.println(user + " " + mechanism.mechanismName() + " set; password in " + file);
        }
        out.flush();
    }

    private static ScramMechanism mechanism(String name) {
        ScramMechanism mechanism = ScramMechanism.fromMechanismName(name);
        if (mechanism == ScramMechanism.UNKNOWN) {
            throw new UserFacingException("unknown mechanism '" + name + "', expected SCRAM-SHA-512 or SCRAM-SHA-256");
        }
        return mechanism;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, String password) {
        try {
            Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path temporary = Files.createTempFile(file.getParent(), ".password", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, password + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
