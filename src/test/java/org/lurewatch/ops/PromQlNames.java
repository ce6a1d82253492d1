package org.lurewatch.ops;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Finds the metric names a PromQL expression selects, without a full PromQL parser.
 *
 * <p>It walks the expression once: string literals, label matchers ({@code {...}}), ranges
 * ({@code [5m]}), numbers and durations are skipped; an identifier followed by {@code (} is a
 * function or aggregation; the label lists after {@code by}, {@code without}, {@code on},
 * {@code ignoring}, {@code group_left} and {@code group_right} are skipped; every other
 * identifier is a metric name. {@code {__name__="x"}} counts as {@code x}. Grafana variables
 * ({@code $__rate_interval}, {@code ${instance}}) are removed first.
 */
final class PromQlNames {
    private static final Set<String> KEYWORDS = Set.of(
            "and", "or", "unless", "offset", "bool", "by", "without", "on", "ignoring", "group_left", "group_right",
            "inf", "nan");
    private static final Set<String> LABEL_LIST_KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Set<String> AGGREGATIONS = Set.of(
            "sum", "avg", "min", "max", "count", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values",
            "group", "limitk", "limit_ratio");
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*=\\s*\"([^\"]+)\"");

    private PromQlNames() {
    }

    static Set<String> metricNames(String promql) {
        String text = GRAFANA_VARIABLE.matcher(promql).replaceAll("");
        Set<String> names = new TreeSet<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(text, i);
            } else if (c == '#') {
                int newline = text.indexOf('\n', i);
                i = newline < 0 ? text.length() : newline + 1;
            } else if (c == '{') {
                int end = skipBracketed(text, i, '{', '}');
                Matcher name = NAME_MATCHER.matcher(text.substring(i, end));
                if (name.find()) {
                    names.add(name.group(1));
                }
                i = end;
            } else if (c == '[') {
                i = skipBracketed(text, i, '[', ']');
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                i = skipWhile(text, i, ch -> Character.isLetterOrDigit(ch) || ch == '.' || ch == '_');
            } else if (isIdentifierStart(c)) {
                int end = skipWhile(text, i, PromQlNames::isIdentifierPart);
                String word = text.substring(i, end);
                int next = skipWhile(text, end, Character::isWhitespace);
                char following = next < text.length() ? text.charAt(next) : '\0';
                String lower = word.toLowerCase(Locale.ROOT);
                if (LABEL_LIST_KEYWORDS.contains(lower) && following == '(') {
                    i = skipBracketed(text, next, '(', ')');
                    continue;
                }
                boolean isCall = following == '(';
                boolean isAggregationWithModifier = AGGREGATIONS.contains(lower) && startsWithWord(text, next, "by", "without");
                if (!isCall && !isAggregationWithModifier && !KEYWORDS.contains(lower)) {
                    names.add(word);
                }
                i = end;
            } else {
                i++;
            }
        }
        return names;
    }

    private static boolean isIdentifierStart(int c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isIdentifierPart(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }

    private static boolean startsWithWord(String text, int at, String... words) {
        for (String word : words) {
            int end = at + word.length();
            if (text.startsWith(word, at) && (end >= text.length() || !isIdentifierPart(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static int skipWhile(String text, int from, IntPredicate keep) {
        int i = from;
        while (i < text.length() && keep.test(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipString(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += (text.charAt(i) == '\\' && quote != '`') ? 2 : 1;
        }
        return Math.min(i + 1, text.length());
    }

    private static int skipBracketed(String text, int start, char open, char close) {
        int depth = 0;
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(text, i);
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return text.length();
    }
}
