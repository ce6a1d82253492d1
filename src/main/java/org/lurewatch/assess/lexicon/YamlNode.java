package org.lurewatch.assess.lexicon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers its file, line and key path, so a bad lexicon gets an error such as
 * {@code id.yaml:42: terms.PAID_TRAVL: unknown key}.
 */
final class YamlNode {
    private static final YAMLFactory YAML = new YAMLFactory();

    final String file;
    final int line;
    final String path;
    final Object value; // Map<String, YamlNode>, List<YamlNode>, String or null

    private YamlNode(String file, int line, String path, Object value) {
        this.file = file;
        this.line = line;
        this.path = path;
        this.value = value;
    }

    static YamlNode parse(String file, Reader reader) {
        try (JsonParser p = YAML.createParser(reader)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new YamlNode(file, 1, "", new LinkedHashMap<String, YamlNode>());
            }
            YamlNode root = read(file, p, "");
            if (!(root.value instanceof Map)) {
                throw new LexiconException(file, root.line, "", "the file must be a mapping of keys to values");
            }
            return root;
        } catch (LexiconException e) {
            throw e;
        } catch (IOException e) {
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                    ? jpe.getLocation().getLineNr() : 0;
            throw new LexiconException(file, line, "", "not valid YAML: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static YamlNode read(String file, JsonParser p, String path) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    if (map.containsKey(key)) {
                        throw new LexiconException(file, keyLine, childPath, "duplicate key");
                    }
                    map.put(key, read(file, p, childPath));
                }
                return new YamlNode(file, line, path, map);
            }
            case START_ARRAY -> {
                List<YamlNode> list = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(file, p, path + "[" + i++ + "]"));
                }
                return new YamlNode(file, line, path, list);
            }
            case VALUE_NULL -> {
                return new YamlNode(file, line, path, null);
            }
            default -> {
                return new YamlNode(file, line, path, p.getText());
            }
        }
    }

    LexiconException error(String problem) {
        return new LexiconException(file, line, path, problem);
    }

    boolean isMap() {
        return value instanceof Map;
    }

    @SuppressWarnings("unchecked")
    Map<String, YamlNode> map() {
        if (!(value instanceof Map)) {
            throw error("expected a mapping (key: value), found " + describe());
        }
        return (Map<String, YamlNode>) value;
    }

    @SuppressWarnings("unchecked")
    List<YamlNode> list() {
        if (!(value instanceof List)) {
            throw error("expected a list ([a, b] or '- item' lines), found " + describe());
        }
        return (List<YamlNode>) value;
    }

    String string() {
        if (!(value instanceof String s) || s.isBlank()) {
            throw error("expected a non-empty text value, found " + describe());
        }
        return s;
    }

    double number(double min, double max) {
        String s = string();
        double d;
        try {
            d = Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw error("expected a number, found '" + s + "'");
        }
        if (!(d >= min && d <= max)) {
            throw error("expected a number in [" + min + ", " + max + "], found " + s);
        }
        return d;
    }

    List<String> strings() {
        List<String> out = new ArrayList<>();
        for (YamlNode n : list()) {
            out.add(n.string());
        }
        return out;
    }

    private String describe() {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "'" + value + "'";
    }
}
