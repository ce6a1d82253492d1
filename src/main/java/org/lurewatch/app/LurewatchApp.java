package org.lurewatch.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.lurewatch.alert.Routes;
import org.lurewatch.assess.Assessor;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.LifecycleLog;
import org.lurewatch.ops.PipelineEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running Lurewatch instance: the whole topology in one {@link KafkaStreams}. */
public final class LurewatchApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LurewatchApp.class);
    private final KafkaStreams streams;
    private final CompletableFuture<KafkaStreams.State> failed;

    private LurewatchApp(KafkaStreams streams, CompletableFuture<KafkaStreams.State> failed) {
        this.streams = streams;
        this.failed = failed;
    }

    public static LurewatchApp start(LurewatchConfig config, String bootstrapServers, Topics topics, Routes routes,
                                     Supplier<Assessor> assessors, PipelineEvents events, Path stateDir) {
        Topology topology = LurewatchTopology.build(topics, routes, config.maxTextChars(), config.alertUpdateWindow(),
                config.topology(), assessors, events);
        Properties props = StreamsSettings.failLoudlyInStatefulProcessors(
                StreamsSettings.of(config, bootstrapServers, topics, stateDir), topology);
        RocksDbNativeLibrary.loadInto(stateDir);
        KafkaStreams streams = new KafkaStreams(topology, props);
        CompletableFuture<KafkaStreams.State> failed = new CompletableFuture<>();
        KafkaStreams.StateListener log = LifecycleLog.create().stateListener();
        streams.setStateListener((to, from) -> {
            log.onChange(to, from);
            if (to == KafkaStreams.State.ERROR) {
                failed.complete(to);
            }
        });
        // A stream thread that dies on an unexpected error is replaced a bounded number of times, then the instance
        // shuts down; per-record failures in stateless steps never get here, they become dead letters.
        streams.setUncaughtExceptionHandler(new ThreadFailurePolicy(config.errors(), events, Clock.systemUTC()));
        LOG.info("event=streams_starting application_id={} bootstrap={} guarantee={}", config.applicationId(),
                bootstrapServers, config.processingGuarantee());
        streams.start();
        return new LurewatchApp(streams, failed);
    }

    /**
     * Completes when Kafka Streams reaches ERROR: the thread failure policy shut it down (or every thread died). The
     * instance then does no more work; {@code run} closes everything and exits non-zero so an orchestrator restarts it.
     */
    public CompletableFuture<KafkaStreams.State> failed() {
        return failed;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        LOG.info("event=streams_stopping");
        streams.close(Duration.ofSeconds(30));
    }
}
