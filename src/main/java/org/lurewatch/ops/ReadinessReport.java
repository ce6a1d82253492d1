package org.lurewatch.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/** All readiness conditions at one moment; ready only if every one is. */
public record ReadinessReport(List<ReadinessCheck> checks) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ReadinessReport {
        checks = List.copyOf(checks);
    }

    public boolean ready() {
        return checks.stream().allMatch(ReadinessCheck::ready);
    }

    /**
     * A small JSON body: {@code {"ready":false,"checks":{"streams":{"ready":false,"detail":"..."}}}}.
     * Always names every check, so a 503 says what is missing and a 200 says what was verified.
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("ready", ready());
        ObjectNode byName = root.putObject("checks");
        for (ReadinessCheck check : checks) {
            byName.putObject(check.name()).put("ready", check.ready()).put("detail", check.detail());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write the readiness report as JSON", e);
        }
    }
}
