package org.lurewatch.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.lurewatch.kafka.Json;

/** What a demo run saw, counted from the committed output topics. */
public final class DemoSummary {
    private int postsIn;
    private int scored;
    private int deadLetters;
    private final Map<String, Integer> alertsByDestination = new TreeMap<>();
    private final Map<String, Integer> scoredByCategory = new TreeMap<>();

    public synchronized void postsIn(int count) {
        postsIn = count;
    }

    synchronized void scored(String category) {
        scored++;
        scoredByCategory.merge(category, 1, Integer::sum);
    }

    synchronized void deadLetter() {
        deadLetters++;
    }

    synchronized void alert(String destination) {
        alertsByDestination.merge(destination, 1, Integer::sum);
    }

    public synchronized int alerts() {
        return alertsByDestination.values().stream().mapToInt(Integer::intValue).sum();
    }

    public synchronized int scored() {
        return scored;
    }

    public synchronized int deadLetters() {
        return deadLetters;
    }

    public synchronized Map<String, Integer> alertsByDestination() {
        return Map.copyOf(alertsByDestination);
    }

    public synchronized ObjectNode toJson() {
        ObjectNode summary = Json.mapper().createObjectNode();
        summary.put("posts_in", postsIn);
        summary.put("scored", scored);
        ObjectNode categories = summary.putObject("scored_by_category");
        scoredByCategory.forEach(categories::put);
        summary.put("alerts", alerts());
        ObjectNode destinations = summary.putObject("alerts_by_destination");
        alertsByDestination.forEach(destinations::put);
        summary.put("dead_letters", deadLetters);
        return summary;
    }

    public synchronized String render() {
        StringBuilder text = new StringBuilder();
        text.append("Summary\n");
        text.append(String.format("  posts in      %d%n", postsIn));
        text.append(String.format("  scored        %d  %s%n", scored, scoredByCategory));
        text.append(String.format("  alerts        %d%n", alerts()));
        alertsByDestination.forEach((destination, count) -> text.append(String.format("    %-28s %d%n", destination, count)));
        text.append(String.format("  dead letters  %d%n", deadLetters));
        return text.toString();
    }
}
