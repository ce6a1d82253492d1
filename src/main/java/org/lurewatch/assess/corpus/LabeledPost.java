package org.lurewatch.assess.corpus;

import java.util.Objects;
import org.lurewatch.assess.Category;
import org.lurewatch.ingest.PostKind;
import org.lurewatch.ingest.Post;

/**
 * One labelled example: the corpus format ({@code id, kind, source, lang, title, text, label, hard}), a real
 * text quoted in public reporting ({@code models/real/}: the same with a source {@code group}), or a DIFrauD
 * row ({@code text} and a 0/1 {@code label}, 1 meaning lure).
 *
 * @param lang  the language the file says (may be null); used to report recall per language
 * @param hard  true for hard negatives (news, warnings, legitimate jobs that look like lures)
 * @param group the source group of a real text (its publisher), null for synthetic posts: real texts are
 *              evaluated so that no group is on both sides of a split
 */
public record LabeledPost(String id, PostKind kind, String source, String lang, String title, String text,
                          Category label, boolean hard, boolean obfuscated, String group) {
    public LabeledPost {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        title = title == null ? "" : title;
        kind = kind == null ? PostKind.SOCIAL_POST : kind;
        source = source == null ? "corpus" : source;
        group = group == null || group.isBlank() ? null : group;
    }

    /** A synthetic or unlabelled-provenance post (no source group). */
    public LabeledPost(String id, PostKind kind, String source, String lang, String title, String text,
                       Category label, boolean hard, boolean obfuscated) {
        this(id, kind, source, lang, title, text, label, hard, obfuscated, null);
    }

    /** True for a real text quoted in public reporting (it has a source group). */
    public boolean real() {
        return group != null;
    }

    /** The post as the assessor sees it. The file's language is passed as the feed's hint only if asked. */
    public Post toPost(boolean withLanguageHint) {
        return Post.ofText(id, source, kind, withLanguageHint ? lang : null, title, text);
    }
}
