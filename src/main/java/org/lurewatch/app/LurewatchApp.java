package org.lurewatch.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
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

    private LurewatchApp(KafkaStreams streams) {
        this.streams = streams;
    }

    public static LurewatchApp start(LurewatchConfig config, String bootstrapServers, Topics topics, Routes routes,
                                     Supplier<Assessor> assessors, PipelineEvents events, Path stateDir) {
        Topology topology = LurewatchTopology.build(topics, routes, config.maxTextChars(), config.alertUpdateWindow(),
                assessors, events);
        Properties props = StreamsSettings.of(config, bootstrapServers, topics, stateDir);
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.setStateListener(LifecycleLog.create().stateListener());
        // A stream thread that dies on an unexpected error is replaced rather than taking the instance down;
        // per-record failures never get here, they become dead letters.
        streams.setUncaughtExceptionHandler(exception -> {
            LOG.error("event=stream_thread_failed error={}", exception.toString(), exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        LOG.info("event=streams_starting application_id={} bootstrap={} guarantee={}", config.applicationId(),
                bootstrapServers, config.processingGuarantee());
        streams.start();
        return new LurewatchApp(streams);
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
