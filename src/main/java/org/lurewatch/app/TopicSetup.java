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
        Map<String, Object> props = new java.util.HashMap<>(kafkaOverrides);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            return TopicAdmin.ensure(admin, catalogue(routes, replicationFactor).topics());
        }
    }
}
