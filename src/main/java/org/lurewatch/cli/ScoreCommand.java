package org.lurewatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lurewatch.assess.AssessConfig;
import org.lurewatch.assess.Assessment;
import org.lurewatch.assess.Assessor;
import org.lurewatch.assess.Assessors;
import org.lurewatch.ingest.Post;
import org.lurewatch.ingest.PostKind;
import org.lurewatch.kafka.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lurewatch score}: one post to its assessment as JSON. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score one post and print its assessment as JSON: category, score, band, language, indicators",
                "with evidence spans (offsets into title + \"\\n\" + text) and local labels, contacts, model version.",
                "The post is the arguments, or standard input: plain text or a JSON envelope (id, source, kind, title, text, lang, country)."})
public final class ScoreCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "TEXT", description = "The post's text (default: read standard input).")
    List<String> words;

    @Option(names = "--lang", description = "The feed's language hint (ISO 639-1).")
    String lang;

    @Option(names = "--title", description = "The post's title.", defaultValue = "")
    String title;

    @Option(names = "--model", description = "Model file (default: the bundled model).")
    Path model;

    @Option(names = "--lexicons", description = "Lexicon override directory.")
    Path lexicons;

    @Option(names = "--allow-lexicon-mismatch", description = {"Score even when the lexicons differ from those the model was",
            "trained with (trying an override directory; the figures are then not the model card's)."})
    boolean allowLexiconMismatch;

    public ScoreCommand() {
    }

    @Override
    public Integer call() {
        return AssessErrors.run(this::run);
    }

    private Integer run() {
        String input;
        try {
            input = words == null || words.isEmpty()
                    ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : String.join(" ", words);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read standard input", e);
        }
        if (input.isBlank()) {
            System.err.println("nothing to score: give the text as arguments or on standard input");
            return 2;
        }
        Post post;
        try {
            post = toPost(input.strip());
        } catch (IllegalArgumentException e) {
            System.err.println("cannot read the post: " + e.getMessage());
            return 2;
        }
        Assessor assessor = Assessors.load(new AssessConfig(model, lexicons, allowLexiconMismatch));
        Assessment a = assessor.assess(post);
        ObjectNode out = Json.mapper().valueToTree(a);
        System.out.println(out.toPrettyString());
        return 0;
    }

    Post toPost(String input) {
        if (input.startsWith("{")) {
            JsonNode n;
            try {
                n = Json.mapper().readTree(input);
            } catch (IOException e) {
                throw new IllegalArgumentException("invalid JSON: " + e.getMessage());
            }
            if (!n.path("text").isTextual()) {
                throw new IllegalArgumentException("the JSON envelope has no 'text'");
            }
            PostKind kind = PostKind.SOCIAL_POST;
            if (n.hasNonNull("kind")) {
                kind = PostKind.fromWire(n.get("kind").asText());
            }
            return new Post(text(n, "id", "cli-1"), text(n, "source", "cli"), kind, text(n, "url", null),
                    text(n, "author", null), text(n, "title", ""), n.get("text").asText(), null,
                    lang != null ? lang : text(n, "lang", null), text(n, "country", null),
                    text(n, "partner_id", text(n, "partnerId", null)), text(n, "flag_reason", text(n, "flagReason", null)));
        }
        return Post.ofText("cli-1", "cli", PostKind.SOCIAL_POST, lang, title, input);
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }
}
