package org.lurewatch.console;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lurewatch.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's static files, served from the jar: its stylesheet and script ({@code console/assets/}) and the Noto
 * fonts for the region's scripts ({@code console/fonts/<family>/}, the woff2 files and {@code 400.css} of the
 * {@code @fontsource} packages, fetched by the build from the npm registry, never at run time). {@code fonts.css} is
 * the families' stylesheets in one, with their URLs pointing here; the browser fetches only the subsets (by
 * {@code unicode-range}) that a page's text needs. No personal data, so no session is needed and browsers may cache
 * the fonts.
 */
final class ConsoleAssets {
    /** The Noto families bundled, each a {@code @fontsource/noto-sans-*} package. */
    static final List<String> FONT_FAMILIES = List.of("noto-sans-thai", "noto-sans-khmer", "noto-sans-myanmar",
            "noto-sans-lao", "noto-sans-sc", "noto-sans-tc", "noto-sans-jp", "noto-sans-kr");
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAssets.class);
    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,120}");
    private static final Pattern SRC = Pattern.compile("src: url\\(\\./files/([a-z0-9._-]+\\.woff2)\\) format\\('woff2'\\)(, url\\([^)]*\\) format\\('woff'\\))?;");
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "woff2", "font/woff2", "svg", "image/svg+xml", "png", "image/png");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
    private final byte[] fontsCss;
    private final List<String> bundledFamilies;

    private ConsoleAssets(byte[] fontsCss, List<String> bundledFamilies) {
        this.fontsCss = fontsCss;
        this.bundledFamilies = bundledFamilies;
    }

    static ConsoleAssets load() {
        StringBuilder css = new StringBuilder("/* Noto fonts for the region's scripts, served with the console (SIL OFL 1.1). */\n");
        List<String> found = new java.util.ArrayList<>();
        for (String family : FONT_FAMILIES) {
            byte[] sheet = resource("/console/fonts/" + family + "/400.css");
            if (sheet == null) {
                continue;
            }
            found.add(family);
            Matcher src = SRC.matcher(new String(sheet, StandardCharsets.UTF_8));
            StringBuilder rewritten = new StringBuilder();
            while (src.find()) {
                src.appendReplacement(rewritten, Matcher.quoteReplacement("src: url(" + Layout.BASE + "/assets/fonts/" + family
                        + "/" + src.group(1) + ") format('woff2');"));
            }
            src.appendTail(rewritten);
            css.append(rewritten).append('\n');
        }
        if (found.size() < FONT_FAMILIES.size()) {
            LOG.warn("event=console_fonts_missing bundled={} expected={} hint=\"build with ./mvnw package (it fetches the "
                    + "@fontsource packages from the npm registry)\"", found.size(), FONT_FAMILIES.size());
        }
        return new ConsoleAssets(css.toString().getBytes(StandardCharsets.UTF_8), List.copyOf(found));
    }

    /** The font families the jar carries. */
    List<String> bundledFamilies() {
        return bundledFamilies;
    }

    void serve(Context ctx, String file) {
        if (file.equals("fonts.css")) {
            send(ctx, "css", fontsCss, "no-cache");
            return;
        }
        if (!FILE.matcher(file).matches()) {
            throw ProblemException.notFound("no such asset");
        }
        send(ctx, extension(file), load("/console/assets/" + file), "no-cache");
    }

    void serveFont(Context ctx, String family, String file) {
        if (!bundledFamilies.contains(family) || !FILE.matcher(file).matches() || !file.endsWith(".woff2")) {
            throw ProblemException.notFound("no such font");
        }
        send(ctx, "woff2", load("/console/fonts/" + family + "/files/" + file), "public, max-age=604800, immutable");
    }

    private byte[] load(String path) {
        byte[] bytes = cache.computeIfAbsent(path, p -> {
            byte[] found = resource(p);
            return found == null ? new byte[0] : found;
        });
        if (bytes.length == 0) {
            throw ProblemException.notFound("no such asset");
        }
        return bytes;
    }

    private static void send(Context ctx, String extension, byte[] body, String cacheControl) {
        String type = TYPES.get(extension);
        if (type == null) {
            throw ProblemException.notFound("no such asset");
        }
        ctx.header("Cache-Control", cacheControl);
        ctx.contentType(type).result(body);
    }

    private static String extension(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot + 1);
    }

    private static byte[] resource(String path) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the jar", e);
        }
    }
}
