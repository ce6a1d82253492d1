package org.lurewatch.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Headers on every response. The default {@code Content-Security-Policy} allows nothing at all, which suits JSON and
 * text; an HTML page replaces it with {@link #htmlPolicy} naming its own inline scripts and styles by hash. Responses
 * are {@code no-store}: alerts and sessions must not linger in caches. HSTS is left to the TLS proxy in front.
 */
public final class SecurityHeaders {
    static final String STRICT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", STRICT_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        ctx.header("Cache-Control", "no-store");
    }

    /**
     * A policy for an HTML page from this server: its own origin for fetches, forms, images and fonts, and only the
     * inline {@code <script>} and {@code <style>} blocks given here (by SHA-256), no others.
     */
    public static String htmlPolicy(List<String> inlineScripts, List<String> inlineStyles) {
        return "default-src 'none'; connect-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'; script-src 'self'" + hashes(inlineScripts)
                + "; style-src 'self'" + hashes(inlineStyles);
    }

    private static String hashes(List<String> blocks) {
        return blocks.stream().map(block -> " 'sha256-" + sha256(block) + "'").collect(Collectors.joining());
    }

    private static String sha256(String block) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(block.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
