package org.lurewatch.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem details object, served as {@code application/problem+json}. {@code type} is {@code about:blank}
 * when the status says it all, else {@code urn:lurewatch:problem:<slug>} (the slugs are listed in docs/identity.md);
 * {@code extensions} carry machine-readable members such as {@code retry_after_seconds} or per-item {@code errors}.
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      Map<String, Object> extensions) {
    public static final String CONTENT_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:lurewatch:problem:";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has an error status (4xx or 5xx), was " + status);
        }
        extensions = Map.copyOf(extensions);
    }

    /** A problem that its status explains: {@code about:blank}, the status's reason phrase as title. */
    public static Problem of(int status, String detail) {
        return new Problem("about:blank", reason(status), status, detail, null, Map.of());
    }

    /** A Lurewatch problem type: {@code urn:lurewatch:problem:<slug>}. */
    public static Problem typed(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, Map.of());
    }

    public Problem withInstance(String newInstance) {
        return new Problem(type, title, status, detail, newInstance, extensions);
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, instance, more);
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }

    /** Hidden from JSON: the members are flattened by {@link #extensionMembers()}. */
    @Override
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Map<String, Object> extensions() {
        return extensions;
    }

    static String reason(int status) {
        if (status == 500) {
            return "Internal Server Error";
        }
        String message = org.eclipse.jetty.http.HttpStatus.getMessage(status);
        return message == null || message.equals(Integer.toString(status)) ? "Error " + status : message;
    }
}
