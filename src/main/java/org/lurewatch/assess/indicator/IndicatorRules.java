package org.lurewatch.assess.indicator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lurewatch.assess.Contact;
import org.lurewatch.assess.ContactType;
import org.lurewatch.assess.Evidence;
import org.lurewatch.assess.Indicator;
import org.lurewatch.assess.extract.AgeRange;
import org.lurewatch.assess.extract.Extraction;
import org.lurewatch.assess.extract.PlaceMention;
import org.lurewatch.assess.extract.Salary;
import org.lurewatch.assess.extract.TermHit;
import org.lurewatch.assess.lexicon.IndicatorGroup;
import org.lurewatch.assess.lexicon.IndicatorSpec;
import org.lurewatch.assess.lexicon.LanguageLexicon;
import org.lurewatch.assess.lexicon.Lexicons;
import org.lurewatch.assess.lexicon.PlaceKind;

/**
 * Turns what the extractors found into named indicators with evidence, labels in English and in the post's
 * language. Most indicators fire on their lexicon phrases; a few are rules over extracted facts:
 * <ul>
 *   <li>{@code HIGH_PAY_UNSKILLED}: pay at or above the language's threshold (USD/month) in a post that names
 *       unskilled work or says no experience is needed;</li>
 *   <li>{@code MLTC_DESTINATION}: a hotspot, host country or city from the gazetteer, or a euphemism such as
 *       "neighbouring country" (a transit point alone counts for less);</li>
 *   <li>{@code MESSAGING_APP_CONTACT}: a Telegram, WhatsApp, Line or WeChat contact, or a phrase such as "ib";</li>
 *   <li>{@code AGE_RANGE}: an age range; {@code OBFUSCATION}: anything the normaliser had to undo.</li>
 * </ul>
 * A lure indicator whose evidence all sits inside quotation marks counts for less: warnings, news and
 * survivors' stories quote lures. An indicator that a lexicon defines but this class does not know fires on its phrases, so an NGO can add
 * one in the override directory. Thread-safe.
 */
public final class IndicatorRules {
    private static final int MAX_EVIDENCE = 4;
    private static final double DEFAULT_HIGH_PAY = 900;
    /** Lure indicators whose evidence is all inside quotation marks count this much. */
    static final double QUOTED_FACTOR = 0.4;
    /** Posts shorter than this (characters) carry the feature "length=short"; at least {@link #LONG_POST}, "length=long". */
    static final int SHORT_POST = 150;
    static final int LONG_POST = 700;
    /** The feature of a post where no lure, distress or job-scam indicator fired. */
    public static final String NO_EVIDENCE = "evidence=none";
    /** The feature of a post where the rules found nothing of the domain at all. */
    public static final String NO_SIGNAL = "signal=none";

    private final Lexicons lexicons;

    public IndicatorRules(Lexicons lexicons) {
        this.lexicons = lexicons;
        precomputeFeatureNames();
    }

    public IndicatorResult evaluate(Extraction ex) {
        String lang = ex.language();
        int[] quoted = QuotedSpans.find(ex.text().original());
        boolean anyQuoted = false;
        List<Indicator> out = new ArrayList<>();
        List<String> features = new ArrayList<>();
        double[] sums = new double[5];
        for (IndicatorSpec spec : lexicons.indicators().values()) {
            if (spec.group() == IndicatorGroup.WATCHLIST) {
                continue;
            }
            Fired f = switch (spec.code()) {
                case IndicatorCodes.HIGH_PAY_UNSKILLED -> highPay(ex, lang);
                case IndicatorCodes.MLTC_DESTINATION -> destination(ex);
                case IndicatorCodes.MESSAGING_APP_CONTACT -> messaging(ex);
                case IndicatorCodes.AGE_RANGE -> ages(ex);
                case IndicatorCodes.OBFUSCATION -> ex.text().obfuscations().isEmpty() ? null
                        : new Fired(1.0, new ArrayList<>(ex.text().obfuscations()));
                default -> phrases(ex, spec.code());
            };
            if (f == null) {
                continue;
            }
            double weight = spec.weight() * f.strength;
            if (spec.group() == IndicatorGroup.LURE && QuotedSpans.allInside(quoted, f.evidence)) {
                // a post that quotes a lure ("the ad said: free ticket...") is talking about it
                weight *= QUOTED_FACTOR;
                anyQuoted = true;
            }
            out.add(new Indicator(spec.code(), round(weight), spec.label(), localLabel(spec, lang),
                    merge(f.evidence, ex.text().original())));
            features.add(feature("ind=", spec.code()));
            switch (spec.group()) {
                case LURE -> sums[0] += weight;
                case DISTRESS -> sums[1] += weight;
                case COUNTER -> sums[2] += weight;
                case CONTEXT -> sums[3] += weight;
                case JOB_SCAM -> sums[4] += weight;
                default -> {
                }
            }
        }
        if (anyQuoted) {
            features.add("quoted=lure");
        }
        for (String cue : Lexicons.CUES) {
            if (ex.has(cue)) {
                features.add(feature("cue=", cue));
            }
        }
        for (PlaceMention p : ex.places()) {
            features.add(feature("place=", p.place().kind().name()));
        }
        for (Contact c : ex.contacts()) {
            features.add(feature("contact=", c.type().name()));
        }
        if (!ex.salaries().isEmpty()) {
            double max = ex.salaries().stream().mapToDouble(Salary::usdPerMonth).max().orElse(0);
            features.add(max >= threshold(lang) ? "pay=high" : "pay=normal");
        }
        int length = ex.text().original().length();
        if (length < SHORT_POST || length >= LONG_POST) {
            // real lures and pleas are one or two lines; a structured ad with duties and requirements is long
            features.add(length < SHORT_POST ? "length=short" : "length=long");
        }
        if (sums[0] == 0 && sums[1] == 0 && sums[4] == 0) {
            // nothing spoke for a lure, a plea or a job scam: the model must not guess from words alone
            boolean nothingAtAll = features.stream().allMatch(f -> f.startsWith("cue=NEGATION") || f.startsWith("length="));
            features.add(NO_EVIDENCE);
            if (nothingAtAll) {
                features.add(NO_SIGNAL); // not even a job word, a place, a contact or a sum of money
            }
        }
        return new IndicatorResult(out, sums[0], sums[3], sums[1], sums[4], sums[2], new ArrayList<>(new LinkedHashSet<>(features)));
    }

    private record Fired(double strength, List<Evidence> evidence) {
    }

    /** "ind=PAID_TRAVEL", "place=hotspot", "contact=telegram": built once, not once per post. */
    private final Map<String, String> featureNames = new java.util.HashMap<>();

    private String feature(String prefix, String name) {
        String f = featureNames.get(prefix.charAt(0) + name);
        return f != null ? f : prefix + (prefix.startsWith("ind") || prefix.startsWith("cue") ? name : name.toLowerCase(java.util.Locale.ROOT));
    }

    private void precomputeFeatureNames() {
        for (String code : lexicons.indicators().keySet()) {
            featureNames.put('i' + code, "ind=" + code);
        }
        for (String cue : Lexicons.CUES) {
            featureNames.put('c' + cue, "cue=" + cue);
        }
        for (PlaceKind k : PlaceKind.values()) {
            featureNames.put('p' + k.name(), "place=" + k.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (ContactType t : ContactType.values()) {
            featureNames.put('c' + t.name(), "contact=" + t.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private String localLabel(IndicatorSpec spec, String lang) {
        String local = lexicons.localLabel(spec.code(), lang);
        if (local == null && "en".equals(lang)) {
            return spec.label();
        }
        return local;
    }

    private double threshold(String lang) {
        LanguageLexicon lex = lexicons.language(lang);
        return lex == null ? DEFAULT_HIGH_PAY : lex.highPayUsdPerMonth();
    }

    private Fired highPay(Extraction ex, String lang) {
        double threshold = threshold(lang);
        List<Evidence> ev = new ArrayList<>();
        for (Salary s : ex.salaries()) {
            if (s.usdPerMonth() >= threshold) {
                ev.add(ex.text().evidence(s.start(), s.end()));
            }
        }
        if (ev.isEmpty()) {
            return null;
        }
        List<TermHit> unskilled = new ArrayList<>(ex.terms("UNSKILLED_JOB"));
        unskilled.addAll(ex.terms(IndicatorCodes.NO_EXPERIENCE));
        if (unskilled.isEmpty()) {
            return null;
        }
        ev.add(ex.text().evidence(unskilled.get(0).start(), unskilled.get(0).end()));
        return new Fired(1.0, ev);
    }

    private Fired destination(Extraction ex) {
        double strength = 0;
        List<Evidence> ev = new ArrayList<>();
        for (PlaceMention p : ex.places()) {
            double s = p.place().kind() == PlaceKind.HOTSPOT ? 1.0
                    : p.place().kind() == PlaceKind.COUNTRY ? 0.8
                    : p.place().kind() == PlaceKind.CITY ? 0.6 : 0.3;
            strength = Math.max(strength, s);
            ev.add(ex.text().evidence(p.start(), p.end()));
        }
        if (ex.has(IndicatorCodes.MLTC_DESTINATION)) {
            strength = Math.max(strength, 0.8);
            ev.addAll(spans(ex, ex.terms(IndicatorCodes.MLTC_DESTINATION)));
        }
        return ev.isEmpty() ? null : new Fired(strength, ev);
    }

    private static final Set<ContactType> APPS = Set.of(ContactType.TELEGRAM, ContactType.WHATSAPP, ContactType.LINE,
            ContactType.WECHAT);

    private Fired messaging(Extraction ex) {
        List<Evidence> ev = new ArrayList<>();
        boolean app = false;
        for (Contact c : ex.contacts()) {
            if (APPS.contains(c.type())) {
                app = true;
                if (c.evidence() != null) {
                    ev.add(c.evidence());
                }
            }
        }
        if (ex.has(IndicatorCodes.MESSAGING_APP_CONTACT)) {
            ev.addAll(spans(ex, ex.terms(IndicatorCodes.MESSAGING_APP_CONTACT)));
        }
        if (ev.isEmpty()) {
            return null;
        }
        return new Fired(app ? 1.0 : 0.7, ev);
    }

    private Fired ages(Extraction ex) {
        if (ex.ages().isEmpty()) {
            return null;
        }
        List<Evidence> ev = new ArrayList<>();
        for (AgeRange a : ex.ages()) {
            ev.add(ex.text().evidence(a.start(), a.end()));
        }
        return new Fired(1.0, ev);
    }

    private Fired phrases(Extraction ex, String code) {
        List<TermHit> hits = ex.terms(code);
        if (hits.isEmpty()) {
            return null;
        }
        // more distinct phrases make a stronger case, up to 1.5 times the weight
        double strength = Math.min(1.5, 1.0 + 0.25 * (distinctCount(ex, hits) - 1));
        return new Fired(strength, spans(ex, hits));
    }

    /** Evidence for phrase hits: overlapping hits merged in the normalised text first, so few spans are built. */
    private static List<Evidence> spans(Extraction ex, List<TermHit> hits) {
        List<TermHit> sorted = hits;
        for (int i = 1; i < hits.size(); i++) {
            if (hits.get(i).start() < hits.get(i - 1).start()) {
                sorted = new ArrayList<>(hits);
                sorted.sort(java.util.Comparator.comparingInt(TermHit::start));
                break;
            }
        }
        List<Evidence> ev = new ArrayList<>(Math.min(sorted.size(), MAX_EVIDENCE));
        int start = -1;
        int end = -1;
        for (TermHit h : sorted) {
            if (start >= 0 && h.start() < end) {
                end = Math.max(end, h.end());
                continue;
            }
            if (start >= 0) {
                ev.add(ex.text().evidence(start, end));
                if (ev.size() == MAX_EVIDENCE) {
                    return ev;
                }
            }
            start = h.start();
            end = h.end();
        }
        ev.add(ex.text().evidence(start, end));
        return ev;
    }

    private static int distinctCount(Extraction ex, List<TermHit> hits) {
        if (hits.size() == 1) {
            return 1;
        }
        String text = ex.text().text();
        int distinct = 0;
        for (int i = 0; i < hits.size(); i++) {
            TermHit h = hits.get(i);
            boolean seen = false;
            for (int j = 0; j < i && !seen; j++) {
                TermHit g = hits.get(j);
                seen = g.end() - g.start() == h.end() - h.start() && text.regionMatches(g.start(), text, h.start(), h.end() - h.start());
            }
            if (!seen) {
                distinct++;
            }
        }
        return distinct;
    }

    /** Evidence in order of position, overlapping spans merged into one, at most {@link #MAX_EVIDENCE}. */
    private static List<Evidence> merge(List<Evidence> in, String original) {
        List<Evidence> sorted = new ArrayList<>(in);
        sorted.sort(java.util.Comparator.comparingInt(Evidence::start).thenComparingInt(Evidence::end));
        List<Evidence> out = new ArrayList<>();
        for (Evidence e : sorted) {
            if (!out.isEmpty() && e.start() < out.get(out.size() - 1).end()) {
                Evidence last = out.get(out.size() - 1);
                int end = Math.max(last.end(), e.end());
                out.set(out.size() - 1, new Evidence(last.start(), end, original.substring(last.start(), end)));
            } else if (out.size() < MAX_EVIDENCE) {
                out.add(e);
            }
        }
        return out;
    }

    private static double round(double w) {
        return Math.round(w * 1000) / 1000.0;
    }

    /** Group of an indicator code, for callers outside the package. */
    public IndicatorGroup group(String code) {
        IndicatorSpec spec = lexicons.indicators().get(code);
        return spec == null ? null : spec.group();
    }

    Map<String, IndicatorSpec> specs() {
        return lexicons.indicators();
    }
}
