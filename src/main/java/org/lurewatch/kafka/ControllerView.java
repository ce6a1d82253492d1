package org.lurewatch.kafka;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * What an in-process KRaft controller thinks of its brokers, read from its JMX metrics. Admin cannot
 * tell: asked through {@code bootstrap.controllers}, describeCluster lists controllers, not brokers.
 *
 * <p>Kafka registers these metrics once per JVM, so they are only this controller's if no other
 * controller ran in the JVM when it started; {@link #metricsTakenBeforeStart()} tells.
 */
final class ControllerView {

    private static final ObjectName ACTIVE_BROKERS = objectName("kafka.controller:type=KafkaController,name=ActiveBrokerCount");
    /** The session timeout is 2 s: checking every 50 ms costs nothing and adds little to a restart. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    /** True if another controller in this JVM already holds the metrics; call before starting ours. */
    boolean metricsTakenBeforeStart() {
        return server.isRegistered(ACTIVE_BROKERS);
    }

    /**
     * Waits until the controller counts no active broker: after a crash, until it has fenced the dead
     * broker's session.
     *
     * @return false if the metric cannot be read (then the caller must wait some other way)
     */
    boolean awaitNoActiveBroker(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (((Number) server.getAttribute(ACTIVE_BROKERS, "Value")).intValue() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaBrokerException("the in-process Kafka controller did not fence the crashed broker within "
                            + timeout.toMillis() + " ms");
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
            return true;
        } catch (JMException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaBrokerException("interrupted while waiting for the controller to fence the crashed broker", e);
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
