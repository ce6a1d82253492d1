package org.lurewatch.fuzz;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a step on a daemon thread and fails if it takes longer than a bound, naming the bound and the input size. */
final class Bounded {
    private Bounded() {
    }

    static void within(Duration bound, Runnable step) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bounded-step");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<?> done = executor.submit(step);
            try {
                done.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                done.cancel(true);
                throw new AssertionError("took longer than " + bound.toSeconds() + " s: catastrophic backtracking?", e);
            } catch (ExecutionException e) {
                throw (Exception) (e.getCause() instanceof Exception cause ? cause : new RuntimeException(e.getCause()));
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
