package org.lurewatch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.lurewatch.access.Identities;
import org.lurewatch.access.KafkaAcls;
import org.lurewatch.access.Principal;
import org.lurewatch.kafka.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lurewatch acls}: the broker's ACLs from the access table of docs/identity.md. */
@Command(name = "acls", mixinStandardHelpOptions = true,
        description = {"Kafka ACLs generated from the access table (docs/identity.md, Identities.grants): one ALLOW per "
                + "operation, host *, for the app, the feeds, every hotline and partner of the routes.",
                "Run as the operator (sasl.username=lurewatch-admin, sasl.mechanism=PLAIN, sasl.password.file)."},
        subcommands = {AclsCommand.Apply.class})
final class AclsCommand extends CommandGroup {

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = {"Create the ACLs the broker lacks and report those it holds beyond the table (safe to run "
                    + "again: a second run creates nothing).",
                    "Exit codes: 0 done, 2 bad input, 1 the cluster cannot be reached or refused."})
    static final class Apply implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClusterOptions cluster;

        @Option(names = "--dry-run", description = "Print every binding of the table and, with a cluster, what would "
                + "change; change nothing.")
        boolean dryRun;

        @Option(names = "--prune", description = "Also delete ACLs of Lurewatch's principals that the table does not list.")
        boolean prune;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Identities identities = cluster.identities();
            List<AclBinding> wanted = KafkaAcls.bindings(identities.grants(Topics.defaults(), cluster.config().applicationId()));
            List<String> managed = identities.kafkaPrincipals().stream().filter(p -> !identities.superUsers().contains(p))
                    .map(p -> p.kafkaPrincipal().orElseThrow()).toList();
            if (dryRun) {
                out.println(wanted.size() + " ACL bindings in the access table:");
                wanted.forEach(binding -> out.println("  " + KafkaAcls.describe(binding)));
                if (!cluster.hasCluster()) {
                    out.flush();
                    return 0;
                }
            }
            try (Admin admin = cluster.admin()) {
                KafkaAcls.Comparison comparison = KafkaAcls.compare(admin, wanted, managed);
                if (!dryRun) {
                    KafkaAcls.apply(admin, comparison, prune);
                }
                out.print((dryRun ? "Dry run, nothing changed: " : "ACLs applied: ") + comparison.render(dryRun, prune));
            }
            out.println("super users (no ACLs needed): " + String.join(", ",
                    identities.superUsers().stream().map(Principal::kafkaPrincipal).map(p -> p.orElseThrow()).toList()));
            out.flush();
            return 0;
        }
    }
}
