package org.lurewatch.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

/** Milliseconds as a person would write them in the catalogue (7d, 12h, 90s), for reports. */
final class Durations {

    private static final Map<String, Long> UNITS = unitsLargestFirst();

    private Durations() {
    }

    static String readable(String millis) {
        long ms;
        try {
            ms = Long.parseLong(millis);
        } catch (NumberFormatException e) {
            return millis;
        }
        if (ms < 0) {
            return "forever";
        }
        for (Map.Entry<String, Long> unit : UNITS.entrySet()) {
            if (ms > 0 && ms % unit.getValue() == 0) {
                return ms / unit.getValue() + unit.getKey();
            }
        }
        return ms + "ms";
    }

    private static Map<String, Long> unitsLargestFirst() {
        Map<String, Long> units = new LinkedHashMap<>();
        units.put("d", 86_400_000L);
        units.put("h", 3_600_000L);
        units.put("m", 60_000L);
        units.put("s", 1_000L);
        return units;
    }
}
