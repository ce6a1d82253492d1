package org.lurewatch.assess.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Loads the bundled lexicons ({@code /lexicons/*.yaml} on the classpath) and, optionally, a directory of
 * overrides that an NGO can edit without a rebuild.
 *
 * <p>Files: {@code indicators.yaml} (indicator codes, weights, English labels, currencies, number words, pay
 * periods, obfuscation targets), {@code places.yaml} (the gazetteer) and one {@code <lang>.yaml} per language
 * (labels, phrases per indicator or cue, function words, local currency). A file in the override directory
 * with the name of a bundled one extends it (lists are added to, single values replaced); with
 * {@code mode: replace} at its top it replaces it. A {@code <lang>.yaml} for a new language adds that language.
 * Any error names the file, the line and the key.
 */
public final class LexiconLoader {
    private static final String BUNDLED = "/lexicons/";
    private static final Set<String> LANGUAGE_KEYS = Set.of(
            "language", "mode", "currency", "callingCode", "highPayUsdPerMonth", "labels", "terms", "stopwords");
    private static final Set<String> INDICATOR_FILE_KEYS = Set.of(
            "mode", "languages", "indicators", "currencies", "multipliers", "periods", "obfuscationTargets", "contactApps");

    private final Map<String, IndicatorSpec> indicators = new LinkedHashMap<>();
    private final List<String> languageOrder = new ArrayList<>();
    private final Map<String, Double> usdRates = new LinkedHashMap<>();
    private final Map<String, List<String>> currencyAliases = new LinkedHashMap<>();
    private final Map<String, Double> multipliers = new LinkedHashMap<>();
    private final Map<String, Double> periodsPerMonth = new LinkedHashMap<>();
    private final Map<String, List<String>> periodWords = new LinkedHashMap<>();
    private final Set<String> obfuscationTargets = new LinkedHashSet<>();
    private final Map<String, List<String>> contactApps = new LinkedHashMap<>();
    private final Map<String, Place> places = new LinkedHashMap<>();
    private final Map<String, LanguageBuilder> languages = new LinkedHashMap<>();
    /** SHA-256 over the names and bytes of every file read, in the order read: what a model was trained with. */
    private final java.security.MessageDigest fingerprint = sha256();

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private LexiconLoader() {
    }

    /** The bundled lexicons only. */
    public static Lexicons loadBundled() {
        return load(null);
    }

    /**
     * The bundled lexicons, extended or replaced by the files in {@code overrideDir} (null for none).
     *
     * @throws LexiconException naming the file, line and key of the first problem found
     */
    public static Lexicons load(Path overrideDir) {
        LexiconLoader l = new LexiconLoader();
        YamlNode bundledIndicators = l.bundled("indicators.yaml");
        l.readIndicatorFile(bundledIndicators);
        List<YamlNode> overrideLanguageFiles = new ArrayList<>();
        YamlNode overridePlaces = null;
        if (overrideDir != null) {
            if (!Files.isDirectory(overrideDir)) {
                throw new LexiconException(overrideDir.toString(), 0, "", "the lexicon override directory does not exist");
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(overrideDir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")
                        || p.getFileName().toString().endsWith(".yml")).sorted().toList();
            } catch (IOException e) {
                throw new LexiconException(overrideDir.toString(), 0, "", "cannot list the directory: " + e.getMessage(), e);
            }
            for (Path f : files) {
                YamlNode node = l.fromFile(f);
                String name = f.getFileName().toString().replaceFirst("\\.ya?ml$", "");
                if (name.equals("indicators")) {
                    l.readIndicatorFile(node);
                } else if (name.equals("places")) {
                    overridePlaces = node;
                } else {
                    overrideLanguageFiles.add(node);
                }
            }
        }
        l.readPlaces(l.bundled("places.yaml"), false);
        if (overridePlaces != null) {
            l.readPlaces(overridePlaces, true);
        }
        for (String lang : new ArrayList<>(l.languageOrder)) {
            l.readLanguage(l.bundled(lang + ".yaml"), lang);
        }
        for (YamlNode node : overrideLanguageFiles) {
            String name = Path.of(node.file).getFileName().toString().replaceFirst("\\.ya?ml$", "");
            l.readLanguage(node, name);
        }
        return l.build();
    }

    private YamlNode bundled(String name) {
        String resource = BUNDLED + name;
        InputStream in = LexiconLoader.class.getResourceAsStream(resource);
        if (in == null) {
            throw new LexiconException("classpath:" + resource, 0, "", "bundled lexicon file is missing");
        }
        try (InputStream stream = in) {
            return parse("classpath:" + resource, name, stream.readAllBytes());
        } catch (IOException e) {
            throw new LexiconException("classpath:" + resource, 0, "", "cannot read: " + e.getMessage(), e);
        }
    }

    private YamlNode fromFile(Path f) {
        try {
            return parse(f.toString(), "override/" + f.getFileName(), Files.readAllBytes(f));
        } catch (IOException e) {
            throw new LexiconException(f.toString(), 0, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses one file and adds its name and bytes to the fingerprint of everything read. */
    private YamlNode parse(String file, String name, byte[] bytes) {
        java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        String text;
        try {
            text = utf8.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new LexiconException(file, 0, "", "not UTF-8 text", e);
        }
        fingerprint.update(name.getBytes(StandardCharsets.UTF_8));
        fingerprint.update((byte) 0);
        fingerprint.update(bytes);
        fingerprint.update((byte) 0);
        try (Reader r = new java.io.StringReader(text)) {
            return YamlNode.parse(file, r);
        } catch (IOException e) {
            throw new LexiconException(file, 0, "", "cannot read: " + e.getMessage(), e);
        }
    }

    private static boolean replaceMode(YamlNode root) {
        YamlNode mode = root.map().get("mode");
        if (mode == null) {
            return false;
        }
        String m = mode.string().trim().toLowerCase(Locale.ROOT);
        if (!m.equals("replace") && !m.equals("extend")) {
            throw mode.error("unknown mode '" + mode.string() + "', expected extend or replace");
        }
        return m.equals("replace");
    }

    private static void checkKeys(YamlNode root, Set<String> allowed) {
        for (Map.Entry<String, YamlNode> e : root.map().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw e.getValue().error("unknown key, expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    private void readIndicatorFile(YamlNode root) {
        checkKeys(root, INDICATOR_FILE_KEYS);
        Map<String, YamlNode> m = root.map();
        if (replaceMode(root)) {
            indicators.clear();
            languageOrder.clear();
            usdRates.clear();
            currencyAliases.clear();
            multipliers.clear();
            periodsPerMonth.clear();
            periodWords.clear();
            obfuscationTargets.clear();
            contactApps.clear();
        }
        if (m.containsKey("languages")) {
            for (YamlNode n : m.get("languages").list()) {
                String lang = n.string().trim();
                if (!lang.matches("[a-z]{2,3}")) {
                    throw n.error("a language must be an ISO 639-1 code such as 'id', found '" + lang + "'");
                }
                if (!languageOrder.contains(lang)) {
                    languageOrder.add(lang);
                }
            }
        }
        if (m.containsKey("indicators")) {
            for (Map.Entry<String, YamlNode> e : m.get("indicators").map().entrySet()) {
                String code = e.getKey();
                YamlNode def = e.getValue();
                if (!code.matches("[A-Z][A-Z0-9_]*")) {
                    throw def.error("an indicator code must be UPPER_SNAKE_CASE");
                }
                Map<String, YamlNode> f = def.map();
                for (String k : f.keySet()) {
                    if (!Set.of("group", "weight", "label").contains(k)) {
                        throw f.get(k).error("unknown key, expected one of [group, label, weight]");
                    }
                }
                IndicatorSpec old = indicators.get(code);
                YamlNode group = f.get("group");
                YamlNode weight = f.get("weight");
                YamlNode label = f.get("label");
                if (old == null && (group == null || weight == null || label == null)) {
                    throw def.error("a new indicator needs group, weight and label");
                }
                indicators.put(code, new IndicatorSpec(code,
                        weight == null ? old.weight() : weight.number(-10, 10),
                        label == null ? old.label() : label.string(),
                        group == null ? old.group() : IndicatorGroup.parse(group)));
            }
        }
        if (m.containsKey("currencies")) {
            for (Map.Entry<String, YamlNode> e : m.get("currencies").map().entrySet()) {
                String code = e.getKey();
                if (!code.matches("[A-Z]{3,4}")) {
                    throw e.getValue().error("a currency must be an ISO 4217 code such as 'USD'");
                }
                Map<String, YamlNode> f = e.getValue().map();
                for (String k : f.keySet()) {
                    if (!Set.of("usdRate", "aliases").contains(k)) {
                        throw f.get(k).error("unknown key, expected one of [aliases, usdRate]");
                    }
                }
                if (f.containsKey("usdRate")) {
                    usdRates.put(code, f.get("usdRate").number(0, 1e6));
                } else if (!usdRates.containsKey(code)) {
                    throw e.getValue().error("a new currency needs usdRate");
                }
                if (f.containsKey("aliases")) {
                    currencyAliases.computeIfAbsent(code, k -> new ArrayList<>()).addAll(lower(f.get("aliases").strings()));
                }
            }
        }
        if (m.containsKey("multipliers")) {
            for (Map.Entry<String, YamlNode> e : m.get("multipliers").map().entrySet()) {
                multipliers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().number(1, 1e9));
            }
        }
        if (m.containsKey("periods")) {
            for (Map.Entry<String, YamlNode> e : m.get("periods").map().entrySet()) {
                Map<String, YamlNode> f = e.getValue().map();
                for (String k : f.keySet()) {
                    if (!Set.of("perMonth", "words").contains(k)) {
                        throw f.get(k).error("unknown key, expected one of [perMonth, words]");
                    }
                }
                if (f.containsKey("perMonth")) {
                    periodsPerMonth.put(e.getKey(), f.get("perMonth").number(0.0001, 1000));
                } else if (!periodsPerMonth.containsKey(e.getKey())) {
                    throw e.getValue().error("a new period needs perMonth");
                }
                if (f.containsKey("words")) {
                    periodWords.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(lower(f.get("words").strings()));
                }
            }
        }
        if (m.containsKey("contactApps")) {
            Set<String> types = Set.of("telegram", "whatsapp", "line", "wechat", "phone", "social");
            for (Map.Entry<String, YamlNode> e : m.get("contactApps").map().entrySet()) {
                if (!types.contains(e.getKey())) {
                    throw e.getValue().error("unknown contact app, expected one of " + new TreeSet<>(types));
                }
                contactApps.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(lower(e.getValue().strings()));
            }
        }
        if (m.containsKey("obfuscationTargets")) {
            obfuscationTargets.addAll(lower(m.get("obfuscationTargets").strings()));
        }
    }

    private static List<String> lower(List<String> in) {
        return in.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }

    private void readPlaces(YamlNode root, boolean override) {
        checkKeys(root, Set.of("mode", "places"));
        if (override && replaceMode(root)) {
            places.clear();
        }
        YamlNode list = root.map().get("places");
        if (list == null) {
            return;
        }
        for (YamlNode n : list.list()) {
            Map<String, YamlNode> f = n.map();
            for (String k : f.keySet()) {
                if (!Set.of("name", "country", "kind", "aliases").contains(k)) {
                    throw f.get(k).error("unknown key, expected one of [aliases, country, kind, name]");
                }
            }
            YamlNode nameNode = f.get("name");
            if (nameNode == null) {
                throw n.error("a place needs a name");
            }
            String name = nameNode.string();
            Place old = places.get(name);
            List<String> aliases = new ArrayList<>(old == null ? List.of() : old.aliases());
            if (old == null) {
                aliases.add(name);
            }
            if (f.containsKey("aliases")) {
                aliases.addAll(f.get("aliases").strings());
            }
            if (old == null && f.get("kind") == null) {
                throw n.error("a place needs a kind (hotspot, country or transit)");
            }
            PlaceKind kind = f.containsKey("kind") ? PlaceKind.parse(f.get("kind")) : old.kind();
            String country = f.containsKey("country") ? f.get("country").string() : old == null ? null : old.country();
            places.put(name, new Place(name, country, kind, aliases));
        }
    }

    private void readLanguage(YamlNode root, String fileLanguage) {
        checkKeys(root, LANGUAGE_KEYS);
        Map<String, YamlNode> m = root.map();
        YamlNode langNode = m.get("language");
        String lang = langNode == null ? fileLanguage : langNode.string().trim();
        if (!lang.equals(fileLanguage)) {
            throw langNode.error("language '" + lang + "' does not match the file name " + fileLanguage + ".yaml");
        }
        if (!lang.matches("[a-z]{2,3}")) {
            throw root.error("a language file must be named <ISO 639-1 code>.yaml, such as id.yaml");
        }
        LanguageBuilder b = languages.get(lang);
        if (b == null || replaceMode(root)) {
            b = new LanguageBuilder(lang);
            languages.put(lang, b);
        }
        if (m.containsKey("currency")) {
            YamlNode c = m.get("currency");
            if (!usdRates.containsKey(c.string())) {
                throw c.error("unknown currency '" + c.string() + "', expected one of " + new TreeSet<>(usdRates.keySet()));
            }
            b.currency = c.string();
        }
        if (m.containsKey("callingCode")) {
            YamlNode c = m.get("callingCode");
            if (!c.string().matches("[1-9][0-9]{0,2}")) {
                throw c.error("a calling code is 1-3 digits without '+', such as 62");
            }
            b.callingCode = c.string();
        }
        if (m.containsKey("highPayUsdPerMonth")) {
            b.highPay = m.get("highPayUsdPerMonth").number(1, 1e6);
        }
        if (m.containsKey("labels")) {
            for (Map.Entry<String, YamlNode> e : m.get("labels").map().entrySet()) {
                if (!indicators.containsKey(e.getKey())) {
                    throw e.getValue().error("unknown indicator code, expected one of " + new TreeSet<>(indicators.keySet()));
                }
                b.labels.put(e.getKey(), e.getValue().string());
            }
        }
        if (m.containsKey("terms")) {
            for (Map.Entry<String, YamlNode> e : m.get("terms").map().entrySet()) {
                String key = e.getKey();
                if (!indicators.containsKey(key) && !Lexicons.CUES.contains(key)) {
                    Set<String> allowed = new TreeSet<>(indicators.keySet());
                    allowed.addAll(Lexicons.CUES);
                    throw e.getValue().error("unknown indicator or cue, expected one of " + allowed);
                }
                YamlNode value = e.getValue();
                if (value.value == null) {
                    continue;
                }
                b.terms.computeIfAbsent(key, k -> new ArrayList<>()).addAll(value.strings());
            }
        }
        if (m.containsKey("stopwords")) {
            YamlNode sw = m.get("stopwords");
            for (String w : lower(sw.strings())) {
                if (w.contains(" ")) {
                    throw sw.error("a function word is one word, found '" + w + "'");
                }
                b.stopwords.add(w);
            }
        }
    }

    private Lexicons build() {
        Map<String, LanguageLexicon> langs = new LinkedHashMap<>();
        for (LanguageBuilder b : languages.values()) {
            langs.put(b.language, new LanguageLexicon(b.language, b.labels, b.terms, b.stopwords,
                    b.currency, b.callingCode, b.highPay));
        }
        return new Lexicons(indicators, langs, new ArrayList<>(places.values()), usdRates, currencyAliases,
                multipliers, periodsPerMonth, periodWords, obfuscationTargets, contactApps,
                java.util.HexFormat.of().formatHex(fingerprint.digest()).substring(0, 16));
    }

    private static final class LanguageBuilder {
        final String language;
        final Map<String, String> labels = new LinkedHashMap<>();
        final Map<String, List<String>> terms = new LinkedHashMap<>();
        final Set<String> stopwords = new LinkedHashSet<>();
        String currency = "USD";
        String callingCode;
        double highPay = 1000;

        LanguageBuilder(String language) {
            this.language = language;
        }
    }
}
