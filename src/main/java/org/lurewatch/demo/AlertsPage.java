package org.lurewatch.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The demo's alert page: a static page that polls {@code alerts.json} and renders it (untrusted text as text). */
public final class AlertsPage {
    private static final String RESOURCE = "/web/alerts.html";
    private static final String HTML = load();

    private AlertsPage() {
    }

    public static String html() {
        return HTML;
    }

    private static String load() {
        try (InputStream in = AlertsPage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("alert page " + RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
