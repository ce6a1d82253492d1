package org.lurewatch.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.lurewatch.alert.HotlineRoute;
import org.lurewatch.alert.Routes;

/**
 * Indicator labels in the hotline's language: the language of its route (the first, for a hotline of several), looked
 * up in the lexicons that label the indicators; the alert's own label (English) where the lexicon has none, and for a
 * hotline with no language of its own (the regional fallback).
 */
final class IndicatorLabels {
    private final Map<String, String> languageOf = new HashMap<>();
    private final BiFunction<String, String, String> lexicon;

    /**
     * @param lexicon the label of an indicator code in a language, or null ({@code Lexicons::localLabel})
     */
    IndicatorLabels(Routes routes, BiFunction<String, String, String> lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        for (HotlineRoute route : routes.hotlines()) {
            List<String> languages = route.languages().stream().sorted().toList();
            if (!languages.isEmpty()) {
                languageOf.put(route.id(), languages.get(0));
            }
        }
    }

    /** A label and the language it is in. */
    record Label(String text, String lang) {
    }

    Label label(String hotline, IndicatorView indicator) {
        String lang = languageOf.get(hotline);
        if (lang != null) {
            String local = lexicon.apply(indicator.code(), lang);
            if (local != null && !local.isBlank()) {
                return new Label(local, lang);
            }
        }
        return new Label(indicator.label(), "en");
    }
}
