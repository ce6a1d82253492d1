package org.lurewatch.alert;

import java.util.Objects;
import java.util.Set;
import org.lurewatch.assess.Band;
import org.lurewatch.assess.Category;

/**
 * A hotline and what it takes: posts in its languages or from its countries, of its categories, at or above
 * its band. A fallback hotline takes what no other hotline's languages or countries match.
 */
public record HotlineRoute(
        String id,
        String name,
        Set<String> languages,
        Set<String> countries,
        Set<Category> categories,
        Band minBand,
        boolean fallback) {

    public HotlineRoute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        languages = Set.copyOf(languages);
        countries = Set.copyOf(countries);
        categories = Set.copyOf(categories);
        Objects.requireNonNull(minBand, "minBand");
    }

    /** Whether this hotline serves the post's language or country (fallbacks serve none by themselves). */
    public boolean serves(String language, String country) {
        return languages.contains(language) || (country != null && countries.contains(country));
    }

    /** Whether this hotline serves any of a campaign's languages or countries. */
    public boolean servesAny(Set<String> languages, Set<String> countries) {
        return languages.stream().anyMatch(this.languages::contains) || countries.stream().anyMatch(this.countries::contains);
    }

    /** Whether this hotline wants an alert of this category and band. Distress is urgent: it ignores the band. */
    public boolean takes(Category category, Band band) {
        return categories.contains(category) && (category == Category.DISTRESS || band.atLeast(minBand));
    }
}
