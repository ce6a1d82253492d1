package org.lurewatch.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Exposes one KafkaStreams instance: its client metrics through Micrometer's
 * {@link KafkaStreamsMetrics}, and its state as gauges an alert rule can test.
 *
 * <p>The state gauges are registered at construction and read whatever instance is bound at
 * scrape time, so "Streams not RUNNING" fires also when no instance was ever bound.
 */
final class KafkaStreamsBinding implements AutoCloseable {
    private final MeterRegistry registry;
    private final AtomicReference<KafkaStreams> streams = new AtomicReference<>();
    private KafkaStreamsMetrics clientMetrics;

    KafkaStreamsBinding(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(MetricNames.STREAMS_RUNNING, this, binding -> binding.isIn(KafkaStreams.State.RUNNING) ? 1 : 0)
                .description("1 while Kafka Streams is RUNNING (processing), 0 otherwise")
                .strongReference(true)
                .register(registry);
        // One series per state, 1 for the current one: a dashboard can show the state as text and
        // a rule can tell REBALANCING (usually brief) from ERROR (needs a person).
        for (KafkaStreams.State state : KafkaStreams.State.values()) {
            Gauge.builder(MetricNames.STREAMS_STATE, this, binding -> binding.isIn(state) ? 1 : 0)
                    .tag(MetricNames.TAG_STATE, state.name())
                    .description("1 for the Kafka Streams client's current state, 0 for the others")
                    .strongReference(true)
                    .register(registry);
        }
    }

    synchronized void bind(KafkaStreams instance) {
        unbind();
        streams.set(instance);
        clientMetrics = new KafkaStreamsMetrics(instance);
        clientMetrics.bindTo(registry);
    }

    /** Stops reading the bound instance and removes its client meters. Safe to call when nothing is bound. */
    synchronized void unbind() {
        streams.set(null);
        if (clientMetrics != null) {
            clientMetrics.close();
            clientMetrics = null;
        }
    }

    private boolean isIn(KafkaStreams.State state) {
        KafkaStreams current = streams.get();
        return current != null && current.state() == state;
    }

    @Override
    public void close() {
        unbind();
    }
}
