package org.lurewatch.kafka;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * SASL and ACLs on a single-node broker, as on a real cluster: every listener authenticates (SCRAM-SHA-512 and -256
 * for users the operator creates with the Admin API, PLAIN for the operator alone), the broker's own connections
 * (to itself for transaction markers, to the controller) log in as the operator, and the standard KRaft authorizer
 * denies whatever no ACL allows ({@code allow.everyone.if.no.acl.found=false}). The operator is the only super user.
 *
 * @param adminUser     the operator's Kafka user, {@code lurewatch-admin}
 * @param adminPassword its password; the brokers hold it in their configuration (the child JVM's file is owner-only)
 * @param tls           TLS on the client listener (SASL_SSL), or empty for SASL_PLAINTEXT
 */
public record BrokerSecurity(String adminUser, String adminPassword, Optional<BrokerTls> tls) {
    static final String MECHANISMS = "SCRAM-SHA-512,SCRAM-SHA-256," + SaslLogin.PLAIN;

    public BrokerSecurity {
        Objects.requireNonNull(adminUser, "adminUser");
        Objects.requireNonNull(adminPassword, "adminPassword");
        Objects.requireNonNull(tls, "tls");
    }

    public BrokerSecurity(String adminUser, String adminPassword) {
        this(adminUser, adminPassword, Optional.empty());
    }

    /** The same, with TLS on the client listener: a certificate for localhost made in {@code dir}. */
    public BrokerSecurity withTls(Path dir) {
        return new BrokerSecurity(adminUser, adminPassword, Optional.of(BrokerTls.generate(dir)));
    }

    /** The client listener's name, which is also its protocol: SASL_SSL with TLS, else SASL_PLAINTEXT. */
    String listener() {
        return tls.isPresent() ? "SASL_SSL" : "SASL_PLAINTEXT";
    }

    /** The operator {@code adminUser} with a fresh random password. */
    public static BrokerSecurity withGeneratedPassword(String adminUser) {
        return new BrokerSecurity(adminUser, randomPassword());
    }

    /** A random password of 24 letters and digits (over 140 bits). */
    public static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    /** Client settings of the operator, who may do anything (topics, ACLs, SCRAM users). */
    public Map<String, String> adminClientSettings() {
        return withTrust(SaslLogin.clientSettings(listener(), SaslLogin.PLAIN, adminUser, adminPassword));
    }

    /** Client settings of a SCRAM user the operator created, on a broker without TLS. */
    public static Map<String, String> scramClientSettings(String user, String password) {
        return SaslLogin.clientSettings("SASL_PLAINTEXT", "SCRAM-SHA-512", user, password);
    }

    /** Client settings of a SCRAM user the operator created, on this broker (trusting its certificate under TLS). */
    public Map<String, String> userClientSettings(String user, String password) {
        return withTrust(SaslLogin.clientSettings(listener(), "SCRAM-SHA-512", user, password));
    }

    private Map<String, String> withTrust(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        tls.ifPresent(secured -> all.putAll(secured.clientSettings()));
        return all;
    }

    /** Settings of a broker node (or a combined node) whose client listener is {@link #listener()}. */
    Map<String, String> brokerSettings() {
        Map<String, String> settings = new LinkedHashMap<>(controllerSettings());
        settings.put("sasl.enabled.mechanisms", MECHANISMS);
        settings.put("sasl.mechanism.inter.broker.protocol", SaslLogin.PLAIN);
        tls.ifPresent(secured -> settings.putAll(secured.brokerSettings()));
        String listener = "listener.name." + listener().toLowerCase(java.util.Locale.ROOT) + ".";
        settings.put(listener + "plain.sasl.jaas.config", SaslLogin.plainServerJaas(adminUser, adminPassword));
        settings.put(listener + "scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        settings.put(listener + "scram-sha-256.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        return settings;
    }

    /** Settings of a controller (alone or in a combined node): PLAIN on the controller listener, the authorizer. */
    Map<String, String> controllerSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("sasl.mechanism.controller.protocol", SaslLogin.PLAIN);
        settings.put("listener.name.controller.sasl.enabled.mechanisms", SaslLogin.PLAIN);
        settings.put("listener.name.controller.plain.sasl.jaas.config", SaslLogin.plainServerJaas(adminUser, adminPassword));
        settings.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        settings.put("super.users", "User:" + adminUser);
        settings.put("allow.everyone.if.no.acl.found", "false");
        return settings;
    }
}
