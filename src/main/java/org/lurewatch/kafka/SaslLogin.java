package org.lurewatch.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka client settings of one SASL login: {@code security.protocol}, {@code sasl.mechanism} and the JAAS line.
 * SCRAM ({@code SCRAM-SHA-512}, {@code SCRAM-SHA-256}) is how the app, the feeds, hotlines and partners log in; PLAIN
 * is only for the operator ({@code lurewatch-admin}), whose password the brokers hold in their own configuration so
 * that it exists before any SCRAM user does.
 */
public final class SaslLogin {
    public static final String PLAIN = "PLAIN";

    private SaslLogin() {
    }

    /** Client settings for {@code user} over {@code protocol} ({@code SASL_PLAINTEXT} or {@code SASL_SSL}). */
    public static Map<String, String> clientSettings(String protocol, String mechanism, String user, String password) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("security.protocol", protocol);
        settings.put("sasl.mechanism", mechanism);
        settings.put("sasl.jaas.config", jaas(mechanism, user, password));
        return settings;
    }

    /** The JAAS line a client logs in with; quotes and backslashes in the values escaped. */
    public static String jaas(String mechanism, String user, String password) {
        String module = mechanism.equals(PLAIN) ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=\"" + escape(user) + "\" password=\"" + escape(password) + "\";";
    }

    /**
     * The broker side of PLAIN with exactly one user, who is also the broker's own login to other brokers and to
     * the controller: {@code username}/{@code password} for the outgoing side, {@code user_<name>} for the incoming.
     */
    static String plainServerJaas(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + escape(user)
                + "\" password=\"" + escape(password) + "\" user_" + user + "=\"" + escape(password) + "\";";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
