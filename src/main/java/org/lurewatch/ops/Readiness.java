package org.lurewatch.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether this instance should be counted on to process: what {@code /readyz} reports.
 *
 * <p>Liveness ({@code /healthz}) is separate on purpose: an instance that is rebalancing or
 * loading its model is alive and must not be restarted, it is only not ready yet.
 */
@FunctionalInterface
public interface Readiness {

    ReadinessReport check();

    /**
     * Ready when Kafka Streams is RUNNING and the model is loaded.
     *
     * @param streamsState the current state, or null before KafkaStreams exists
     * @param modelLoaded  true once the model is loaded and validated
     */
    static Readiness of(Supplier<KafkaStreams.State> streamsState, BooleanSupplier modelLoaded) {
        Objects.requireNonNull(streamsState, "streamsState");
        Objects.requireNonNull(modelLoaded, "modelLoaded");
        return () -> new ReadinessReport(List.of(
                guarded("streams", () -> streamsCheck(streamsState.get())),
                guarded("model", () -> modelLoaded.getAsBoolean()
                        ? ReadinessCheck.ok("model", "loaded")
                        : ReadinessCheck.notReady("model", "not loaded yet"))));
    }

    /**
     * Ready when Kafka Streams is RUNNING and the model check says so; the model check names the live model (and a
     * shadow candidate, and a model the registry named but that was rejected).
     */
    static Readiness of(Supplier<KafkaStreams.State> streamsState, Supplier<ReadinessCheck> model) {
        Objects.requireNonNull(streamsState, "streamsState");
        Objects.requireNonNull(model, "model");
        return () -> new ReadinessReport(List.of(
                guarded("streams", () -> streamsCheck(streamsState.get())),
                guarded("model", model)));
    }

    /** Ready when every one of {@code parts} is; their checks are listed together. */
    static Readiness allOf(List<Readiness> parts) {
        List<Readiness> copy = List.copyOf(parts);
        return () -> {
            List<ReadinessCheck> checks = new ArrayList<>();
            copy.forEach(part -> checks.addAll(part.check().checks()));
            return new ReadinessReport(checks);
        };
    }

    private static ReadinessCheck streamsCheck(KafkaStreams.State state) {
        if (state == null) {
            return ReadinessCheck.notReady("streams", "not created yet");
        }
        if (state == KafkaStreams.State.RUNNING) {
            return ReadinessCheck.ok("streams", "RUNNING");
        }
        return ReadinessCheck.notReady("streams", "state is " + state + ", ready only when RUNNING");
    }

    // A check that throws must make the instance not ready, never turn /readyz into a 500.
    private static ReadinessCheck guarded(String name, Supplier<ReadinessCheck> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return ReadinessCheck.notReady(name, "check failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
