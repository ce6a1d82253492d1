package org.lurewatch.feedback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lurewatch.assess.Category;
import org.lurewatch.kafka.Json;

/**
 * Turns the labelled verdicts of {@code feedback.labelled}, in the order they were written, into training examples in
 * the format {@code lurewatch train --with-feedback} reads (the corpus format, one JSON object a line, with a source
 * {@code group} per hotline, like the real texts): one example per judged post, the last verdict on it winning;
 * {@code confirmed} labels it as the pipeline scored it ({@code lure} or {@code job_scam}), {@code false_positive}
 * labels it {@code benign}. Verdicts that cannot become an example are counted by reason.
 */
public final class TrainingExport {
    /** Why a verdict gave no example. */
    public enum Skip {
        NO_TEXT("no text kept (a campaign verdict, a distress post, or a post the feedback step no longer knew)"),
        EXPIRED("the verdict is 'expired': no label"),
        BEFORE_SINCE("given before --since"),
        SUPERSEDED("a later verdict on the same post wins");

        private final String reason;

        Skip(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** What an export wrote: the JSON lines, and the counts per label and per reason skipped. */
    public record Result(List<String> lines, Map<String, Integer> labels, Map<Skip, Integer> skipped, int verdicts) {
    }

    private TrainingExport() {
    }

    /**
     * @param verdicts the topic's records in offset order (one partition)
     * @param since    only verdicts given at or after this time, or null for all
     */
    public static Result of(List<LabelledVerdict> verdicts, Instant since) {
        Map<Skip, Integer> skipped = new TreeMap<>();
        Map<String, LabelledVerdict> latest = new LinkedHashMap<>();
        for (LabelledVerdict verdict : verdicts) {
            if (since != null && verdict.at() != null && verdict.at().isBefore(since)) {
                skipped.merge(Skip.BEFORE_SINCE, 1, Integer::sum);
            } else if (verdict.example() == null || verdict.postKeys().size() != 1) {
                skipped.merge(Skip.NO_TEXT, 1, Integer::sum);
            } else if (latest.put(verdict.postKeys().get(0), verdict) != null) {
                skipped.merge(Skip.SUPERSEDED, 1, Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        Map<String, Integer> labels = new TreeMap<>();
        latest.forEach((postKey, verdict) -> {
            Category label = switch (verdict.verdict()) {
                case CONFIRMED -> verdict.example().scoredAs();
                case FALSE_POSITIVE -> Category.BENIGN;
                case EXPIRED -> null;
            };
            if (label == null) {
                skipped.merge(Skip.EXPIRED, 1, Integer::sum);
                return;
            }
            labels.merge(label.wireName(), 1, Integer::sum);
            lines.add(line(postKey, verdict, label));
        });
        return new Result(List.copyOf(lines), labels, skipped, verdicts.size());
    }

    private static String line(String postKey, LabelledVerdict verdict, Category label) {
        PostText example = verdict.example();
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("id", "verdict:" + postKey);
        out.put("kind", example.kind());
        out.put("source", example.source());
        out.put("lang", example.lang());
        out.put("text", example.text());
        out.put("label", label.wireName());
        out.put("group", "hotline:" + (verdict.hotline() == null ? "unknown" : verdict.hotline()));
        out.put("verdict", verdict.verdict().wireName());
        out.put("at", verdict.at() == null ? null : verdict.at().toString());
        return out.toString();
    }
}
