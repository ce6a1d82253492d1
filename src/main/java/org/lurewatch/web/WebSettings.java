package org.lurewatch.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import org.lurewatch.config.LurewatchConfig;

/**
 * Where and how the HTTP server listens.
 *
 * @param host             the address to bind: {@code 0.0.0.0} (every interface), {@code 127.0.0.1}, a host name
 * @param port             0 picks a free port
 * @param fallbackToFree   when {@code port} is taken, take a free one instead of failing (demo only)
 * @param maxRequestBytes  largest accepted request body; larger gets 413
 * @param secureCookies    session cookies carry {@code Secure} (behind a TLS proxy)
 */
public record WebSettings(String host, int port, boolean fallbackToFree, int maxRequestBytes, boolean secureCookies) {
    /** {@code run}'s default: every interface, so a container's port mapping and a load balancer reach it. */
    public static final String RUN_DEFAULT_HOST = "0.0.0.0";
    /** {@code demo}'s only choice: this machine. */
    public static final String DEMO_HOST = "127.0.0.1";

    public WebSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("http port must be 0..65535 (0 picks a free one), was " + port);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("max request bytes must be positive");
        }
    }

    /** {@code run}: {@code http.host} or 0.0.0.0, {@code http.port}, no fallback. */
    public static WebSettings forRun(LurewatchConfig config) {
        return new WebSettings(config.http().host().orElse(RUN_DEFAULT_HOST), config.httpPort(), false,
                config.http().maxRequestBytes(), config.http().secureCookies());
    }

    /**
     * {@code demo}: 127.0.0.1 (a loopback {@code http.host} is accepted, anything else refused: the demo has no TLS
     * and prints a login), {@code http.port} with a fallback to a free port.
     */
    public static WebSettings forDemo(LurewatchConfig config) {
        String host = config.http().host().orElse(DEMO_HOST);
        if (!isLoopback(host)) {
            throw new WebBindException("demo listens on this machine only (127.0.0.1); 'http.host' " + host
                    + " is not a loopback address. Use `lurewatch run` to serve other machines");
        }
        return new WebSettings(host, config.httpPort(), true, config.http().maxRequestBytes(), config.http().secureCookies());
    }

    /** The same settings on another port (the tests' free port). */
    public WebSettings withPort(int newPort) {
        return new WebSettings(host, newPort, fallbackToFree, maxRequestBytes, secureCookies);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
