package org.lurewatch.access;

import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * One row of the Kafka access table: {@code principal} may do {@code operations} on the resource. Everything not
 * granted is denied (the broker runs with {@code allow.everyone.if.no.acl.found=false}). The ACL generator turns
 * each row into one {@code AclBinding} per operation, host {@code *}, permission ALLOW.
 *
 * @param reason why the principal needs it, for the generated table and for review
 */
public record AccessGrant(Principal principal, ResourceType resourceType, String resourceName, PatternType patternType,
                          Set<AclOperation> operations, String reason) {
    public AccessGrant {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(patternType, "patternType");
        operations = Set.copyOf(operations);
        Objects.requireNonNull(reason, "reason");
        if (principal.kafkaPrincipal().isEmpty()) {
            throw new IllegalArgumentException(principal + " has no Kafka principal and cannot hold an ACL");
        }
        if (patternType != PatternType.LITERAL && patternType != PatternType.PREFIXED) {
            throw new IllegalArgumentException("grants are LITERAL or PREFIXED, was " + patternType);
        }
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("a grant needs at least one operation");
        }
    }
}
