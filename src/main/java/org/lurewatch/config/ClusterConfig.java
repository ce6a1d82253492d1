package org.lurewatch.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lurewatch.kafka.SaslLogin;

/**
 * How this instance reaches and joins the Kafka cluster ({@code bootstrap.timeout.seconds}, {@code topics.create},
 * {@code instance.id}, {@code sasl.*}).
 *
 * @param bootstrapTimeout  {@code bootstrap.timeout.seconds}: how long {@code run}, {@code topics create} and
 *                          {@code acls apply} wait for the cluster before failing with one line naming the address
 * @param createTopics      {@code topics.create}: whether {@code run} creates missing catalogue topics (false: the
 *                          operator ran {@code topics create}, and the app needs no CREATE right)
 * @param instanceId        {@code instance.id}: a stable id for static group membership; empty means one kept in
 *                          {@code state.dir}, or none when the state directory is temporary
 * @param saslUsername      {@code sasl.username}: the Kafka user (SCRAM) this instance or command authenticates as
 * @param saslPasswordFile  {@code sasl.password.file}: a file whose first line is that user's password
 * @param saslMechanism     {@code sasl.mechanism}: SCRAM-SHA-512 (default), SCRAM-SHA-256, or PLAIN (the operator)
 */
public record ClusterConfig(Duration bootstrapTimeout, boolean createTopics, Optional<String> instanceId,
                            Optional<String> saslUsername, Optional<Path> saslPasswordFile, String saslMechanism) {
    public ClusterConfig {
        Objects.requireNonNull(bootstrapTimeout, "bootstrapTimeout");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(saslUsername, "saslUsername");
        Objects.requireNonNull(saslPasswordFile, "saslPasswordFile");
        Objects.requireNonNull(saslMechanism, "saslMechanism");
        if (saslUsername.isPresent() != saslPasswordFile.isPresent()) {
            throw new ConfigException(saslUsername.isPresent()
                    ? "'sasl.username' is set but 'sasl.password.file' is not: give the file that holds the password"
                    : "'sasl.password.file' is set but 'sasl.username' is not: give the Kafka user it belongs to");
        }
        saslPasswordFile.ifPresent(file -> {
            if (!Files.isReadable(file)) {
                throw new ConfigException("'sasl.password.file' " + file + " does not exist or cannot be read");
            }
        });
    }

    /**
     * The Kafka client settings for SASL/SCRAM: {@code sasl.mechanism}, {@code sasl.jaas.config} with the password
     * read now from {@link #saslPasswordFile()}, and {@code security.protocol=SASL_PLAINTEXT} unless
     * {@code kafkaOverrides} chooses another (SASL_SSL). Empty without {@code sasl.username}.
     */
    public Map<String, String> saslClientSettings(Map<String, String> kafkaOverrides) {
        if (saslUsername.isEmpty()) {
            return Map.of();
        }
        String password;
        try {
            password = Files.readAllLines(saslPasswordFile.orElseThrow(), StandardCharsets.UTF_8).stream()
                    .findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new ConfigException("cannot read 'sasl.password.file' " + saslPasswordFile.orElseThrow() + ": "
                    + e.getMessage(), e);
        }
        if (password.isEmpty()) {
            throw new ConfigException("'sasl.password.file' " + saslPasswordFile.orElseThrow() + " is empty");
        }
        return SaslLogin.clientSettings(kafkaOverrides.getOrDefault("security.protocol", "SASL_PLAINTEXT"), saslMechanism,
                saslUsername.get(), password);
    }
}
