package org.lurewatch.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.lurewatch.assess.Band;
import org.lurewatch.assess.Category;

/**
 * Reads {@code routes.yaml} and checks it at start, so a typo stops the app with a message rather than
 * silently sending alerts nowhere.
 */
public final class RoutesLoader {
    public static final String BUNDLED = "/topology/routes.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,48}");
    private static final Set<String> HOTLINE_FIELDS =
            Set.of("id", "name", "languages", "countries", "categories", "min_band", "fallback");
    private static final Set<String> PARTNER_FIELDS = Set.of("id", "name", "platforms", "min_band");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RoutesLoader() {
    }

    public static Routes load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new RoutesException("cannot read routes file " + file + ": " + e.getMessage(), e);
        }
    }

    public static Routes loadBundled() {
        try (InputStream in = RoutesLoader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new RoutesException("bundled routes " + BUNDLED + " missing from the classpath");
            }
            return parse(in, "bundled " + BUNDLED);
        } catch (IOException e) {
            throw new RoutesException("cannot read bundled routes: " + e.getMessage(), e);
        }
    }

    static Routes parse(InputStream in, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new RoutesException(origin + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new RoutesException(origin + ": expected a mapping with 'hotlines' and 'partners'");
        }
        checkFields(root, Set.of("version", "hotlines", "partners"), origin);
        if (root.has("version") && root.get("version").asInt() != 1) {
            throw new RoutesException(origin + ": version " + root.get("version") + " is not supported, expected 1");
        }
        List<HotlineRoute> hotlines = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : list(root, "hotlines", origin)) {
            String where = origin + ": hotline " + describe(node);
            checkFields(node, HOTLINE_FIELDS, where);
            String id = id(node, where, ids);
            boolean fallback = node.path("fallback").asBoolean(false);
            Set<String> languages = strings(node, "languages", where, false);
            Set<String> countries = strings(node, "countries", where, true);
            if (!fallback && languages.isEmpty() && countries.isEmpty()) {
                throw new RoutesException(where + ": an empty route (no languages, no countries); "
                        + "give at least one, or set 'fallback: true'");
            }
            Set<Category> categories = categories(node, where);
            hotlines.add(new HotlineRoute(id, node.path("name").asText(id), languages, countries, categories,
                    band(node, where), fallback));
        }
        List<PartnerRoute> partners = new ArrayList<>();
        for (JsonNode node : list(root, "partners", origin)) {
            String where = origin + ": partner " + describe(node);
            checkFields(node, PARTNER_FIELDS, where);
            String id = id(node, where, ids);
            Set<String> platforms = strings(node, "platforms", where, false);
            if (platforms.isEmpty()) {
                throw new RoutesException(where + ": 'platforms' is empty; a partner receives alerts only for posts "
                        + "on its own platforms, so list them");
            }
            partners.add(new PartnerRoute(id, node.path("name").asText(id), platforms, band(node, where)));
        }
        try {
            return new Routes(hotlines, partners);
        } catch (RoutesException e) {
            throw new RoutesException(origin + ": " + e.getMessage(), e);
        }
    }

    private static List<JsonNode> list(JsonNode root, String field, String origin) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new RoutesException(origin + ": '" + field + "' must be a list");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    private static String id(JsonNode node, String where, Set<String> seen) {
        String id = node.path("id").asText("");
        if (!ID.matcher(id).matches()) {
            throw new RoutesException(where + ": 'id' must be lower-case letters, digits and '-' "
                    + "(it becomes part of a topic name), was '" + id + "'");
        }
        if (!seen.add(id)) {
            throw new RoutesException(where + ": id '" + id + "' is used twice");
        }
        return id;
    }

    private static Set<String> strings(JsonNode node, String field, String where, boolean upperCase) {
        JsonNode values = node.get(field);
        if (values == null || values.isNull()) {
            return Set.of();
        }
        if (!values.isArray()) {
            throw new RoutesException(where + ": '" + field + "' must be a list");
        }
        Set<String> result = new LinkedHashSet<>();
        values.forEach(v -> result.add(upperCase ? v.asText().toUpperCase(Locale.ROOT) : v.asText().toLowerCase(Locale.ROOT)));
        return result;
    }

    private static Set<Category> categories(JsonNode node, String where) {
        Set<String> names = strings(node, "categories", where, false);
        if (names.isEmpty()) {
            return EnumSet.of(Category.LURE, Category.DISTRESS);
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String name : names) {
            if (name.equals("lure")) {
                categories.add(Category.LURE);
            } else if (name.equals("distress")) {
                categories.add(Category.DISTRESS);
            } else if (name.equals("job_scam")) {
                throw new RoutesException(where + ": category 'job_scam' is not allowed for a hotline: job scams recruit"
                        + " no one to travel and go to the hosting partner only; expected lure or distress");
            } else {
                throw new RoutesException(where + ": category '" + name + "' is not allowed, expected lure or distress");
            }
        }
        return categories;
    }

    private static Band band(JsonNode node, String where) {
        String value = node.path("min_band").asText("medium");
        try {
            return Band.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw new RoutesException(where + ": 'min_band' " + e.getMessage(), e);
        }
    }

    private static void checkFields(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            throw new RoutesException(where + ": expected a mapping");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new RoutesException(where + ": unknown field '" + name + "', expected one of "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private static String describe(JsonNode node) {
        return node.has("id") ? "'" + node.get("id").asText() + "'" : "(no id)";
    }
}
