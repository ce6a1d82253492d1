package org.lurewatch.partner;

import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.lurewatch.access.Access;
import org.lurewatch.alert.Routes;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.ingest.EnvelopeReader;
import org.lurewatch.kafka.ClientProperties;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.LurewatchMetrics;
import org.lurewatch.signal.SignalIndex;
import org.lurewatch.web.WebModule;

/**
 * What the partner API needs on one instance, started and stopped together: the flag ledger (which flags the topics
 * already hold), the producer that writes flags, an admin client for the topics' end offsets, and the signal feed's
 * read model. {@link #module} is the HTTP side.
 */
public final class PartnerApi implements AutoCloseable {
    private final FlagLedger ledger;
    private final SignalIndex signals;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Admin admin;
    private final PartnerApiModule module;

    private PartnerApi(LurewatchConfig config, String bootstrapServers, Topics topics, Routes routes, Access access,
                       LurewatchMetrics metrics) {
        Map<String, String> overrides = config.kafkaClientSettings();
        ledger = FlagLedger.start(bootstrapServers, overrides, topics.partnerFlagNames(routes.partnerIds()),
                config.partner().dedupeWindow(), Clock.systemUTC());
        signals = SignalIndex.start(bootstrapServers, overrides, topics.signals());
        producer = ClientProperties.byteProducer(bootstrapServers, overrides, Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "lurewatch-flag-api", ProducerConfig.LINGER_MS_CONFIG, 2));
        admin = Admin.create(ClientProperties.admin(bootstrapServers, overrides));
        metrics.partnerApi().partners(routes.partnerIds());
        metrics.partnerApi().activeSignals(signals::activeCount);
        FlagIntake intake = new FlagIntake(topics, new FlagChecks(new EnvelopeReader(config.maxTextChars())), ledger,
                producer, admin, config.partner().confirmTimeout(), access.audit(), metrics.partnerApi());
        module = new PartnerApiModule(access, config.partner(), intake, signals, metrics.partnerApi());
    }

    public static PartnerApi start(LurewatchConfig config, String bootstrapServers, Topics topics, Routes routes,
                                   Access access, LurewatchMetrics metrics) {
        return new PartnerApi(config, bootstrapServers, topics, routes, access, metrics);
    }

    public WebModule module() {
        return module;
    }

    /** The signal feed's read model (for tests and the ready check). */
    public SignalIndex signals() {
        return signals;
    }

    @Override
    public void close() {
        signals.close();
        ledger.close();
        producer.close(java.time.Duration.ofSeconds(5));
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
