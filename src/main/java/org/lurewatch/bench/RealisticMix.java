package org.lurewatch.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.corpus.CorpusReader;
import org.lurewatch.assess.corpus.LabeledPost;
import org.lurewatch.kafka.Json;

/**
 * The {@code realistic} mix, built from the labelled corpus ({@code models/corpus/}, 2,400 posts in a dozen
 * languages): about 90% ordinary posts (the corpus's benign posts, hard negatives included: NGO warnings, news,
 * legitimate jobs in the same countries), 8% lures and 2% distress posts.
 *
 * <p>Lures come in campaigns whose sizes follow a power law from 1 to 50 posts (most recruiters post once or
 * twice, a few flood): half the campaigns share one recruiter contact across different lure texts, half repost
 * one text with small edits and a new handle each time, and each post of a campaign lands on one of several
 * platforms. Ordinary and distress posts are used as written. Posts carry no language hint, so language
 * detection is part of the cost, as in the JMH benchmark. The same seed gives the same posts.
 */
public final class RealisticMix implements Workload {
    static final double LURE_SHARE = 0.08;
    static final double DISTRESS_SHARE = 0.02;
    static final int MAX_CAMPAIGN = 50;
    /** P(size = k) proportional to k^-1.6 on 1..50: about half the campaigns are one post, a few have dozens. */
    static final double SIZE_EXPONENT = 1.6;
    private static final String[] PLATFORMS = {"facebook", "tiktok", "telegram", "x", "instagram", "jobstreet", "line"};
    private static final String[] EDITS = {"🔥 ", "‼️ ", "NEW: ", "", "✅ ", "Update: "};
    private static final Pattern HANDLE = Pattern.compile("@[A-Za-z0-9_.]{3,}");

    private final List<byte[]> posts;
    private final Map<String, Object> description;

    private RealisticMix(List<byte[]> posts, Map<String, Object> description) {
        this.posts = posts;
        this.description = description;
    }

    /**
     * @param corpus  the corpus directory ({@code models/corpus} in a checkout)
     * @param count   how many distinct posts to build; {@link #post} repeats them with fresh ids beyond that
     * @param seed    for the draw
     */
    public static RealisticMix fromCorpus(Path corpus, int count, long seed) {
        if (!Files.isDirectory(corpus)) {
            throw new IllegalArgumentException("the realistic mix is built from the labelled corpus, and " + corpus
                    + " is not a directory: run from the repository root or give --corpus DIR (or use --mix storm)");
        }
        List<LabeledPost> all = CorpusReader.read(corpus);
        List<LabeledPost> benign = all.stream().filter(p -> p.label() == Category.BENIGN).toList();
        List<LabeledPost> lures = all.stream().filter(p -> p.label() == Category.LURE).toList();
        List<LabeledPost> distress = all.stream().filter(p -> p.label() == Category.DISTRESS).toList();
        if (benign.isEmpty() || lures.isEmpty() || distress.isEmpty()) {
            throw new IllegalArgumentException(corpus + " needs benign, lure and distress posts for the realistic mix");
        }
        Random random = new Random(seed);
        int lureCount = (int) Math.round(count * LURE_SHARE);
        int distressCount = (int) Math.round(count * DISTRESS_SHARE);
        List<ObjectNode> slots = new ArrayList<>(count);
        Map<Integer, Integer> sizes = new TreeMap<>();
        int campaigns = 0;
        while (slots.size() < lureCount) {
            int size = Math.min(campaignSize(random), lureCount - slots.size());
            sizes.merge(size, 1, Integer::sum);
            slots.addAll(campaign(campaigns++, size, lures, random));
        }
        for (int i = 0; i < distressCount; i++) {
            slots.add(envelope(distress.get(random.nextInt(distress.size())), "distress"));
        }
        while (slots.size() < count) {
            slots.add(envelope(benign.get(random.nextInt(benign.size())), "benign"));
        }
        Collections.shuffle(slots, random);
        List<byte[]> posts = new ArrayList<>(slots.size());
        Map<String, Integer> languages = new TreeMap<>();
        long bytes = 0;
        for (int i = 0; i < slots.size(); i++) {
            ObjectNode post = slots.get(i);
            post.put("id", "bench-" + i);
            languages.merge(post.remove("_lang").asText("und"), 1, Integer::sum);
            post.remove("_label");
            byte[] json = post.toString().getBytes(StandardCharsets.UTF_8);
            bytes += json.length;
            posts.add(json);
        }
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("source", "labelled corpus " + corpus + " (" + all.size() + " posts)");
        description.put("posts", count);
        description.put("seed", seed);
        description.put("benign_share", 1 - LURE_SHARE - DISTRESS_SHARE);
        description.put("lure_share", LURE_SHARE);
        description.put("distress_share", DISTRESS_SHARE);
        description.put("campaigns", campaigns);
        description.put("campaign_sizes", sizes);
        description.put("languages", languages);
        description.put("mean_post_bytes", slots.isEmpty() ? 0 : bytes / slots.size());
        return new RealisticMix(posts, description);
    }

    @Override
    public String name() {
        return "realistic";
    }

    @Override
    public Map<String, Object> describe() {
        return description;
    }

    /** The i-th post; past the built ones the same texts come again under fresh ids. */
    @Override
    public byte[] post(int i) {
        byte[] template = posts.get(i % posts.size());
        if (i < posts.size()) {
            return template;
        }
        String json = new String(template, StandardCharsets.UTF_8);
        return json.replaceFirst("\"id\":\"bench-", "\"id\":\"bench-" + (i / posts.size()) + "-")
                .getBytes(StandardCharsets.UTF_8);
    }

    static int campaignSize(Random random) {
        double[] weights = new double[MAX_CAMPAIGN];
        double total = 0;
        for (int k = 1; k <= MAX_CAMPAIGN; k++) {
            weights[k - 1] = Math.pow(k, -SIZE_EXPONENT);
            total += weights[k - 1];
        }
        double draw = random.nextDouble() * total;
        for (int k = 1; k <= MAX_CAMPAIGN; k++) {
            draw -= weights[k - 1];
            if (draw <= 0) {
                return k;
            }
        }
        return MAX_CAMPAIGN;
    }

    private static List<ObjectNode> campaign(int number, int size, List<LabeledPost> lures, Random random) {
        boolean sharesContact = random.nextBoolean();
        LabeledPost template = lures.get(random.nextInt(lures.size()));
        String handle = "@rc" + number + "_" + Integer.toString(random.nextInt(1 << 20), 36);
        List<ObjectNode> posts = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            LabeledPost lure = sharesContact ? lures.get(random.nextInt(lures.size())) : template;
            String contact = sharesContact ? handle : handle + "_" + k;
            String text = HANDLE.matcher(lure.text()).find()
                    ? HANDLE.matcher(lure.text()).replaceAll(contact)
                    : lure.text() + "\nTelegram " + contact;
            if (!sharesContact) {
                text = EDITS[random.nextInt(EDITS.length)] + text;
            }
            ObjectNode post = envelope(lure, "lure");
            post.put("source", PLATFORMS[random.nextInt(PLATFORMS.length)]);
            post.put("text", text);
            posts.add(post);
        }
        return posts;
    }

    private static ObjectNode envelope(LabeledPost from, String label) {
        ObjectNode post = Json.mapper().createObjectNode();
        post.put("id", "");
        post.put("source", from.source());
        post.put("kind", from.kind().wireName());
        if (!from.title().isEmpty()) {
            post.put("title", from.title());
        }
        post.put("text", from.text());
        post.put("_lang", from.lang() == null ? "und" : from.lang());
        post.put("_label", label);
        return post;
    }
}
