package org.lurewatch.assess.extract;

import java.util.List;
import java.util.Map;
import org.lurewatch.assess.Contact;
import org.lurewatch.assess.text.NormalizedText;

/** Everything the extractors found in one post. Spans are in the normalised text unless they are {@code Evidence}. */
public record Extraction(
        NormalizedText text,
        String language,
        Map<String, List<TermHit>> terms,
        List<PlaceMention> places,
        List<Salary> salaries,
        List<AgeRange> ages,
        List<Contact> contacts) {

    public Extraction {
        terms = Map.copyOf(terms);
        places = List.copyOf(places);
        salaries = List.copyOf(salaries);
        ages = List.copyOf(ages);
        contacts = List.copyOf(contacts);
    }

    /** Hits of one indicator code or cue, or an empty list. */
    public List<TermHit> terms(String category) {
        return terms.getOrDefault(category, List.of());
    }

    public boolean has(String category) {
        return !terms(category).isEmpty();
    }
}
