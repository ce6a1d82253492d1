package org.lurewatch.access;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;

/** Waits for one Admin API call and turns its failure into a {@link KafkaException} that says what was tried. */
final class AdminCalls {
    private AdminCalls() {
    }

    interface Call<T> {
        T get() throws InterruptedException, ExecutionException;
    }

    static <T> T await(Call<T> call, String what) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw new KafkaException("could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while trying to " + what, e);
        }
    }
}
