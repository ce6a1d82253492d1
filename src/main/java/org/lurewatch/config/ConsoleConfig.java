package org.lurewatch.config;

/**
 * The hotline analysts' console ({@code console.*}).
 *
 * @param maxAlertsPerHotline {@code console.max.alerts.per.hotline}: alerts per hotline each instance keeps in memory
 *                            for the console; the oldest leave the console first (the topic keeps them 30 days)
 */
public record ConsoleConfig(int maxAlertsPerHotline) {
    public ConsoleConfig {
        if (maxAlertsPerHotline < 1) {
            throw new ConfigException("'console.max.alerts.per.hotline' must be at least 1, was " + maxAlertsPerHotline);
        }
    }
}
