package org.lurewatch.access;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;

/**
 * SCRAM users on the broker, through the Admin API (the broker stores only salted hashes, in its metadata). Only the
 * Kafka users of {@link Identities#kafkaPrincipals()} are managed here; the operator logs in with PLAIN from the
 * brokers' own configuration.
 */
public final class KafkaUsers {
    /** SCRAM iterations: 8192, well above Kafka's minimum of 4096. */
    public static final int ITERATIONS = 8192;

    private KafkaUsers() {
    }

    /** Sets (creates or replaces) {@code user}'s credential for one mechanism. */
    public static void upsert(Admin admin, String user, ScramMechanism mechanism, String password) {
        AdminCalls.await(() -> admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(mechanism, ITERATIONS), password))).all().get(), "set the SCRAM credential of " + user);
    }

    /** Removes {@code user}'s credential for one mechanism. */
    public static void delete(Admin admin, String user, ScramMechanism mechanism) {
        AdminCalls.await(() -> admin.alterUserScramCredentials(List.of(new UserScramCredentialDeletion(user, mechanism))).all().get(),
                "delete the " + mechanism.mechanismName() + " credential of " + user);
    }

    /** Every SCRAM user on the broker and its mechanisms, by name. */
    public static Map<String, List<String>> list(Admin admin) {
        Map<String, UserScramCredentialsDescription> described = AdminCalls.await(
                () -> admin.describeUserScramCredentials().all().get(), "list SCRAM users");
        Map<String, List<String>> users = new TreeMap<>();
        described.forEach((user, description) -> users.put(user, description.credentialInfos().stream()
                .map(info -> info.mechanism().mechanismName()).sorted().toList()));
        return users;
    }
}
