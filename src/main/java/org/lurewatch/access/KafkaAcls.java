package org.lurewatch.access;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.ResourcePattern;

/**
 * The broker's ACLs made from the access table ({@link Identities#grants}) and nothing else: one ALLOW binding per
 * operation of each grant, host {@code *}. {@link #compare} says what the broker lacks and what it holds beyond the
 * table for Lurewatch's principals; {@link #apply} creates the missing ones (so applying twice changes nothing) and,
 * when asked, deletes the unlisted ones. The operator is a super user and needs none.
 */
public final class KafkaAcls {
    private static final Comparator<AclBinding> ORDER = Comparator
            .comparing((AclBinding b) -> b.entry().principal())
            .thenComparing(b -> b.pattern().resourceType().name())
            .thenComparing(b -> b.pattern().name())
            .thenComparing(b -> b.pattern().patternType().name())
            .thenComparing(b -> b.entry().operation().name());

    private KafkaAcls() {
    }

    /** One ALLOW binding per operation of each grant, host {@code *}, in a stable order. */
    public static List<AclBinding> bindings(List<AccessGrant> grants) {
        Set<AclBinding> bindings = new LinkedHashSet<>();
        for (AccessGrant grant : grants) {
            ResourcePattern pattern = new ResourcePattern(grant.resourceType(), grant.resourceName(), grant.patternType());
            for (AclOperation operation : grant.operations()) {
                bindings.add(new AclBinding(pattern, new AccessControlEntry(grant.principal().kafkaPrincipal().orElseThrow(),
                        "*", operation, AclPermissionType.ALLOW)));
            }
        }
        return bindings.stream().sorted(ORDER).toList();
    }

    /**
     * The table against the broker.
     *
     * @param managed the Kafka principals whose ACLs Lurewatch owns ({@code User:lurewatch-app}, ...); bindings of
     *                anyone else are neither reported nor touched
     */
    public static Comparison compare(Admin admin, List<AclBinding> wanted, Collection<String> managed) {
        List<AclBinding> existing = AdminCalls.await(() -> admin.describeAcls(AclBindingFilter.ANY).values().get(), "describe ACLs")
                .stream().filter(binding -> managed.contains(binding.entry().principal())).toList();
        Set<AclBinding> have = new LinkedHashSet<>(existing);
        Set<AclBinding> want = new LinkedHashSet<>(wanted);
        List<AclBinding> missing = wanted.stream().filter(b -> !have.contains(b)).sorted(ORDER).toList();
        List<AclBinding> present = wanted.stream().filter(have::contains).sorted(ORDER).toList();
        List<AclBinding> unlisted = existing.stream().filter(b -> !want.contains(b)).sorted(ORDER).toList();
        return new Comparison(missing, present, unlisted);
    }

    /** Creates the missing bindings and, with {@code prune}, deletes the unlisted ones. */
    public static void apply(Admin admin, Comparison comparison, boolean prune) {
        if (!comparison.missing().isEmpty()) {
            AdminCalls.await(() -> admin.createAcls(comparison.missing()).all().get(), "create ACLs");
        }
        if (prune && !comparison.unlisted().isEmpty()) {
            List<AclBindingFilter> filters = comparison.unlisted().stream().map(AclBinding::toFilter).toList();
            AdminCalls.await(() -> admin.deleteAcls(filters).all().get(), "delete ACLs");
        }
    }

    /** {@code User:partner-tiktok ALLOW WRITE on TOPIC partner-flags.tiktok (LITERAL)}. */
    public static String describe(AclBinding binding) {
        return binding.entry().principal() + " " + binding.entry().permissionType() + " " + binding.entry().operation()
                + " on " + binding.pattern().resourceType() + " " + binding.pattern().name() + " ("
                + binding.pattern().patternType() + ")";
    }

    /**
     * @param missing  in the table, not on the broker
     * @param present  in the table and on the broker
     * @param unlisted on the broker for a managed principal, not in the table
     */
    public record Comparison(List<AclBinding> missing, List<AclBinding> present, List<AclBinding> unlisted) {
        public Comparison {
            missing = List.copyOf(missing);
            present = List.copyOf(present);
            unlisted = List.copyOf(unlisted);
        }

        /** A few lines: counts, then each binding created (or to create) and each unlisted one. */
        public String render(boolean dryRun, boolean prune) {
            StringBuilder out = new StringBuilder();
            out.append(present.size()).append(" already present, ").append(missing.size())
                    .append(dryRun ? " to create, " : " created, ").append(unlisted.size())
                    .append(" on the broker but not in the access table\n");
            missing.forEach(b -> out.append(dryRun ? "  would create: " : "  created: ").append(describe(b)).append('\n'));
            String unlistedNote = dryRun ? "" : prune ? " (deleted)" : " (kept; --prune deletes it)";
            unlisted.forEach(b -> out.append("  not in the table: ").append(describe(b)).append(unlistedNote).append('\n'));
            return out.toString();
        }
    }
}
