package org.lurewatch.assess.extract;

import java.util.ArrayList;
import java.util.List;
import org.lurewatch.assess.lexicon.Lexicons;
import org.lurewatch.assess.text.TermMatcher;

/**
 * Picks the gazetteer places out of the phrase matches: scam hotspots, host countries, and transit points,
 * in any of their local-script aliases. When aliases overlap ("Shwe Kokko" and "Kokko"), the longer wins.
 */
public final class PlaceExtractor {
    private final Lexicons lexicons;

    public PlaceExtractor(Lexicons lexicons) {
        this.lexicons = lexicons;
    }

    public List<PlaceMention> extract(List<TermMatcher.Match> matches) {
        List<PlaceMention> out = new ArrayList<>(2);
        for (TermMatcher.Match m : matches) {
            Lexicons.Term t = lexicons.term(m.id());
            if (t.place() == null) {
                continue;
            }
            boolean covered = false;
            for (int i = out.size() - 1; i >= 0; i--) {
                PlaceMention p = out.get(i);
                if (p.start() <= m.start() && p.end() >= m.end()) {
                    covered = true;
                    break;
                }
                if (m.start() <= p.start() && m.end() >= p.end()) {
                    out.remove(i);
                }
            }
            if (!covered) {
                out.add(new PlaceMention(t.place(), m.start(), m.end()));
            }
        }
        return out;
    }
}
