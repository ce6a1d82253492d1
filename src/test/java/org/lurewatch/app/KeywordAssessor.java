package org.lurewatch.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lurewatch.assess.Assessment;
import org.lurewatch.assess.Assessor;
import org.lurewatch.assess.Band;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.Contact;
import org.lurewatch.assess.ContactType;
import org.lurewatch.assess.Evidence;
import org.lurewatch.assess.Indicator;
import org.lurewatch.ingest.Post;

/**
 * A predictable stand-in scorer for topology tests, which test routing and plumbing, not detection:
 * "LURE" in the text makes a critical lure, "HELP" a distress post, "MILD" a medium lure, "TASKS" a job scam,
 * "BOOM" throws; "WARNING" adds a counter indicator (negative weight).
 * Telegram handles ({@code @name}) and phone numbers ({@code +digits}) become contacts.
 */
public final class KeywordAssessor implements Assessor {
    /** A whole instance's scoring side with this scorer, for tests that start a {@link LurewatchRuntime}. */
    public static final LurewatchRuntime.Scorer SCORER = new LurewatchRuntime.Scorer() {
        @Override
        public java.util.function.Supplier<Assessor> assessors() {
            return KeywordAssessor::new;
        }

        @Override
        public String modelVersion() {
            return "test-1";
        }
    };

    private static final Pattern HANDLE = Pattern.compile("@([a-z0-9_]{3,32})");
    private static final Pattern PHONE = Pattern.compile("\\+\\d{8,14}");

    @Override
    public Assessment assess(Post post) {
        String text = post.fullText();
        if (text.contains("BOOM")) {
            throw new IllegalStateException("scorer failed on purpose");
        }
        Category category = text.contains("HELP") ? Category.DISTRESS
                : text.contains("LURE") || text.contains("MILD") ? Category.LURE
                : text.contains("TASKS") ? Category.JOB_SCAM : Category.BENIGN;
        Band band = switch (category) {
            case LURE -> text.contains("MILD") ? Band.MEDIUM : Band.CRITICAL;
            case DISTRESS -> Band.HIGH;
            case BENIGN -> Band.LOW;
            case JOB_SCAM -> Band.HIGH;
        };
        double score = switch (band) {
            case LOW -> 0.05;
            case MEDIUM -> 0.5;
            case HIGH -> 0.8;
            case CRITICAL -> 0.95;
        };
        List<Contact> contacts = new ArrayList<>();
        Matcher handles = HANDLE.matcher(text.toLowerCase(Locale.ROOT));
        while (handles.find()) {
            contacts.add(new Contact(ContactType.TELEGRAM, handles.group(1),
                    new Evidence(handles.start(), handles.end(), text.substring(handles.start(), handles.end()))));
        }
        Matcher phones = PHONE.matcher(text);
        while (phones.find()) {
            contacts.add(new Contact(ContactType.WHATSAPP, phones.group(),
                    new Evidence(phones.start(), phones.end(), phones.group())));
        }
        List<Indicator> indicators = new ArrayList<>();
        if (category == Category.LURE) {
            indicators.add(new Indicator("KEYWORD", 1.0, "Test keyword", null,
                    List.of(new Evidence(0, Math.min(4, text.length()), text.substring(0, Math.min(4, text.length()))))));
        }
        int warning = text.indexOf("WARNING");
        if (warning >= 0) {
            indicators.add(new Indicator("NEWS_OR_WARNING", -1.5, "News report or public warning", null,
                    List.of(new Evidence(warning, warning + 7, "WARNING"))));
        }
        return new Assessment(post.id(), category, score, band, post.lang() == null ? "en" : post.lang(), indicators,
                contacts, "test-1");
    }

    @Override
    public String modelVersion() {
        return "test-1";
    }

    /** A runtime's scoring side made of keyword assessors, for tests that start a whole instance. */
    public static LurewatchRuntime.Scorer scorer() {
        return new LurewatchRuntime.Scorer() {
            @Override
            public java.util.function.Supplier<Assessor> assessors() {
                return KeywordAssessor::new;
            }

            @Override
            public String modelVersion() {
                return "test-1";
            }
        };
    }
}
