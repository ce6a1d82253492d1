package org.lurewatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One alert as a short human-readable console line. */
final class AlertLine {
    private AlertLine() {
    }

    static String render(String topic, JsonNode event) {
        if (event == null) {
            return topic + "  (unreadable alert)";
        }
        JsonNode data = event.path("data");
        List<String> codes = new ArrayList<>();
        data.path("indicators").forEach(indicator -> codes.add(indicator.path("code").asText()));
        String campaign = data.path("campaign").isMissingNode() ? ""
                : String.format(Locale.ROOT, "  campaign=%s size=%s", data.at("/campaign/id").asText(),
                data.at("/campaign/size").asText());
        return String.format(Locale.ROOT, "%-26s %-8s %-8s %.2f  %-24s %s%s",
                topic, data.path("category").asText(), data.path("band").asText(), data.path("score").asDouble(),
                event.path("subject").asText(), String.join(",", codes), campaign);
    }
}
