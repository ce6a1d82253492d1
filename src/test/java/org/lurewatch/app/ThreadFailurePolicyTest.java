package org.lurewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lurewatch.access.AccessFixtures;
import org.lurewatch.config.ErrorPolicyConfig;
import org.lurewatch.ops.PipelineEvents;

class ThreadFailurePolicyTest {
    private final List<String> actions = new ArrayList<>();
    private final PipelineEvents events = new PipelineEvents() {
        @Override
        public void streamThreadFailed(String action) {
            actions.add(action);
        }
    };
    private final AccessFixtures.MovableClock clock = new AccessFixtures.MovableClock();

    @Test
    void shouldReplaceAFailedThreadABoundedNumberOfTimesThenShutDown() {
        ThreadFailurePolicy policy = new ThreadFailurePolicy(new ErrorPolicyConfig(3, Duration.ofMinutes(10)), events, clock);

        assertThat(List.of(fail(policy), fail(policy), fail(policy), fail(policy)))
                .containsExactly(REPLACE_THREAD, REPLACE_THREAD, REPLACE_THREAD, SHUTDOWN_CLIENT);
        assertThat(actions).containsExactly("replaced", "replaced", "replaced", "shutdown");
    }

    @Test
    void shouldForgetFailuresOlderThanTheWindow() {
        ThreadFailurePolicy policy = new ThreadFailurePolicy(new ErrorPolicyConfig(1, Duration.ofMinutes(10)), events, clock);

        assertThat(fail(policy)).isEqualTo(REPLACE_THREAD);
        clock.advance(Duration.ofMinutes(11));
        assertThat(fail(policy)).isEqualTo(REPLACE_THREAD);
        assertThat(fail(policy)).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void shouldShutDownAtTheFirstFailureWhenNoReplacementIsAllowed() {
        ThreadFailurePolicy policy = new ThreadFailurePolicy(new ErrorPolicyConfig(0, Duration.ofMinutes(10)), events, clock);

        assertThat(fail(policy)).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void shouldDescribeAnErrorAndItsRootCauseOnOneLine() {
        String line = ThreadFailurePolicy.describe(new IllegalStateException("outer \"x\"\nnext",
                new java.io.IOException("disk full")));

        assertThat(line).isEqualTo("\"IllegalStateException: outer 'x' next <- IOException: disk full\"");
    }

    private static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse fail(
            ThreadFailurePolicy policy) {
        return policy.handle(new IllegalStateException("boom"));
    }
}
