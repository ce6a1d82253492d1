package org.lurewatch.app;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.lurewatch.alert.Routes;
import org.lurewatch.kafka.TopicAdmin;
import org.lurewatch.kafka.TopicCatalogue;
import org.lurewatch.kafka.TopicReport;

/** Creates the topics of the catalogue, with one alert topic per hotline and partner in the routes. */
public final class TopicSetup {
    private TopicSetup() {
    }

    public static TopicCatalogue catalogue(Routes routes, short replicationFactor) {
        return TopicCatalogue.loadBundled()
                .expand(routes.hotlineIds(), routes.partnerIds())
                .withReplicationFactor(replicationFactor);
    }

    public static TopicReport ensure(String bootstrapServers, Routes routes, short replicationFactor,
                                     Map<String, String> kafkaOverrides) {
        try (Admin admin = Admin.create(adminProps(bootstrapServers, kafkaOverrides))) {
            return TopicAdmin.ensure(admin, catalogue(routes, replicationFactor).topics());
        }
    }

    /** Checks that every catalogue topic exists, creating nothing ({@code topics.create=false}). */
    public static TopicReport requireExisting(String bootstrapServers, Routes routes, Map<String, String> kafkaOverrides) {
        try (Admin admin = Admin.create(adminProps(bootstrapServers, kafkaOverrides))) {
            return TopicAdmin.requireExisting(admin, catalogue(routes, (short) 1).topics());
        }
    }

    private static Map<String, Object> adminProps(String bootstrapServers, Map<String, String> kafkaOverrides) {
        Map<String, Object> props = new java.util.HashMap<>(kafkaOverrides);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }
}
