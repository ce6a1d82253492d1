package org.lurewatch.config;

import java.util.Optional;

/**
 * The HTTP server's settings ({@code http.*}) besides the port.
 *
 * @param host            {@code http.host}; empty means the command's default (run: 0.0.0.0, demo: 127.0.0.1)
 * @param maxRequestBytes {@code http.max.request.bytes}: larger bodies get 413
 * @param secureCookies   {@code http.secure.cookies}: session cookies only over https
 */
public record HttpConfig(Optional<String> host, int maxRequestBytes, boolean secureCookies) {
}
