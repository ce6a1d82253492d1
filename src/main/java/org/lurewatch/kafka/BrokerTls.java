package org.lurewatch.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * TLS for a single-node broker's client listener: a key pair and a self-signed certificate for {@code localhost}
 * (and 127.0.0.1) made with the JDK's own {@code keytool}, so nothing is fetched and no library is needed. Clients
 * trust exactly that certificate (a PEM truststore) and check the host name against it, as they would a real CA's.
 *
 * @param keystore    the broker's PKCS12 key store
 * @param password    the key store's password (owner-only files; a fresh random one per broker)
 * @param certificate the certificate as PEM, what clients trust
 */
public record BrokerTls(Path keystore, String password, Path certificate) {
    public BrokerTls {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** A new key pair and certificate in {@code dir}, valid for two days. */
    public static BrokerTls generate(Path dir) {
        try {
            Files.createDirectories(dir);
            String password = BrokerSecurity.randomPassword();
            Path keystore = dir.resolve("broker.p12");
            Path certificate = dir.resolve("broker-certificate.pem");
            Files.deleteIfExists(keystore);
            keytool(List.of("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password));
            keytool(List.of("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(),
                    "-storetype", "PKCS12", "-storepass", password, "-file", certificate.toString()));
            return new BrokerTls(keystore, password, certificate);
        } catch (IOException e) {
            throw new KafkaBrokerException("could not make the broker's TLS certificate in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** What the broker's SSL listeners need: its key store, and the certificate to trust when it connects to itself. */
    Map<String, String> brokerSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ssl.keystore.type", "PKCS12");
        settings.put("ssl.keystore.location", keystore.toAbsolutePath().toString());
        settings.put("ssl.keystore.password", password);
        settings.put("ssl.key.password", password);
        settings.putAll(clientSettings());
        return settings;
    }

    /** What a client needs to trust the broker: its certificate as a PEM truststore; host names are verified. */
    public Map<String, String> clientSettings() {
        return Map.of("ssl.truststore.type", "PEM", "ssl.truststore.location", certificate.toAbsolutePath().toString());
    }

    private static void keytool(List<String> arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
        if (process.exitValue() != 0) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            throw new IOException("keytool " + arguments.get(0) + " failed (exit " + process.exitValue() + "): " + output);
        }
    }
}
