package org.lurewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once through app crashes, a broker crash and a rebalance ({@link FaultHarness}). CI runs the short version;
 * {@code ./mvnw -Pfaults verify} runs 100,000 posts with 10 kills (system properties {@code faults.posts},
 * {@code faults.rate}, {@code faults.kills}, {@code faults.broker.restart}); the report is logged and written to
 * {@code target/fault-harness.json}.
 */
class FaultHarnessIT {
    private static final Logger LOG = LoggerFactory.getLogger(FaultHarnessIT.class);

    @Test
    void shouldAssessEveryPostOnceAndSendEveryAlertOnceThroughKillsBrokerCrashAndRebalance() throws Exception {
        FaultHarness.Settings settings = new FaultHarness.Settings(Integer.getInteger("faults.posts", 3_000),
                Integer.getInteger("faults.rate", 150), Integer.getInteger("faults.kills", 2),
                Boolean.parseBoolean(System.getProperty("faults.broker.restart", "true")));
        Path work = Files.createTempDirectory("fault-harness");

        FaultHarness.Report report = new FaultHarness(settings, work).run();

        String json = report.toJson().toString();
        LOG.info("fault harness report: {} (logs in {})", json, work);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fault-harness.json"), json + "\n");
        assertThat(report.scoredMissing()).as("posts without an assessment").isZero();
        assertThat(report.scoredDuplicates()).as("posts assessed twice").isZero();
        assertThat(report.duplicateAlertIds()).as("alert ids seen twice").isZero();
        assertThat(report.partnerAlerts()).as("one review request per lure").isEqualTo(report.expectedPartnerAlerts());
        // The goal is 10 s (the faults profile holds the run to it); CI's short run shares two cores with the broker,
        // three app JVMs and often another build, where a restart measured 9-12 s, so it allows 20 s: the regression
        // it guards against is the 45 s wait for a dead member's session, checked below.
        int recoverySeconds = Integer.getInteger("faults.recovery.seconds", 20);
        assertThat(report.recoveries()).as("a restarted instance's Streams is RUNNING again within %d s", recoverySeconds)
                .allMatch(recovery -> recovery.streamsToRunningMillis() < recoverySeconds * 1_000L);
        assertThat(report.recoveries()).as("a restart never waits out the dead member's 45 s session")
                .allMatch(recovery -> recovery.launchToRunningMillis() < 45_000);
        assertThat(report.rocksDbLibrariesInTemp()).as("RocksDB's library left in the temporary directory").isEmpty();
    }
}
